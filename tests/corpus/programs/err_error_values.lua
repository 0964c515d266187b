-- error() with various values and levels; pcall returns them unchanged.
print(pcall(error, "msg"))
print(pcall(error, "msg", 0))
print(pcall(error, "msg", 1))
print(pcall(error, "msg", 2))
local function lvl2() error("from caller", 2) end
local function caller() lvl2() end
print(pcall(caller))
print(pcall(error, 42))
print(pcall(error, nil))
print(pcall(error, true))
print(select("#", pcall(error)))
local e = {}
print(select(2, pcall(error, e)) == e)
print(pcall(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end))
