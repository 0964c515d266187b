-- "attempt to call" names the callee.
local function try(f) local ok, e = pcall(f) print(e) end
local up
local obj = {inner = {}}
try(function() undefined_fn() end)
try(function() local f; f() end)
try(function() up() end)
try(function() obj.nope() end)
try(function() obj:nope() end)
try(function() obj.inner.deep() end)
try(function() obj.inner:deep() end)
try(function() local n = 1; n() end)
try(function() ("s")() end)
try(function() obj[1]() end)
try(function() local k = "key"; obj[k]() end)
try(function() (function() end)()() end)
try(function() return math.nothing(1) end)
try(function() local t = {}; t.x.y() end)
try(function() string.format("%d")() end)
