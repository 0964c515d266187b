-- Function environments: getfenv and setfenv.
local function f() return x, y end
x = "global x"
print(f())
local env = {x = "env x", y = "env y"}
setfenv(f, env)
print(f())
print(getfenv(f) == env, getfenv(print) == _G, getfenv(0) == _G, getfenv() == _G)
local g = function() z = 1 return z end
setfenv(g, setmetatable({}, {__index = _G}))
print(g(), rawget(_G, "z"), getfenv(g).z)
local function level() return getfenv(1) == _G, getfenv(2) == _G end
print(level())
print(pcall(setfenv, print, {}))
print(pcall(getfenv, 50))
print(pcall(setfenv, 1, 5))
print(pcall(getfenv, -1))
print(setfenv(f, _G) == f, f())
