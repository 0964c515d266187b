-- pcall returns all results or the error; nested pcalls.
print(pcall(function(...) return ... end, 1, nil, 3))
print(pcall(function() end))
print(select("#", pcall(function() end)))
print(pcall(pcall, error, "inner"))
print(pcall(pcall, pcall, error, "x"))
print(pcall(pcall))
print(pcall(42))
print(pcall(nil))
print(pcall({}))
print(pcall(setmetatable({}, {__call = function(_, a) return "meta " .. a end}), "call"))
local ok, a, b = pcall(string.find, "hello", "l")
print(ok, a, b)
local depth = 0
local function nest(n) if n == 0 then error("bottom") end return pcall(nest, n - 1) end
print(nest(5))
