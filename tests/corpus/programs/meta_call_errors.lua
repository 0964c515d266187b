-- Calling values without a usable __call.
local function try(f) print(pcall(f)) end
local plain = {}
local withnum = setmetatable({}, {__call = 42})
try(function() plain() end)
try(function() withnum() end)
try(function() local n = 5; n() end)
try(function() plain.method() end)
try(function() plain:method() end)
try(function() ("str")() end)
local nested = setmetatable({}, {__call = setmetatable({}, {__call = function() return "inner" end})})
try(function() return nested() end)
