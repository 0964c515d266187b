-- Comparison errors name the types, not the variables.
local function try(f) local ok, e = pcall(f) print(e) end
local a, b = {}, 1
try(function() return a < b end)
try(function() return b < a end)
try(function() return a <= a end)
try(function() return nil > 1 end)
try(function() return "x" >= 2 end)
try(function() return true < false end)
try(function() local x; return x < x end)
try(function() return glob < 1 end)
try(function() return print <= print end)
try(function() return coroutine.create(print) < coroutine.create(print) end)
