-- __metatable hides and protects a metatable.
local mt = {__metatable = "locked", __index = {x = 1}}
local t = setmetatable({}, mt)
print(getmetatable(t), t.x)
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local mt2 = {__metatable = false}
local t2 = setmetatable({}, mt2)
print(getmetatable(t2), pcall(setmetatable, t2, {}))
local mt3 = {}
mt3.__metatable = mt3
local t3 = setmetatable({}, mt3)
print(getmetatable(t3) == mt3)
print(getmetatable("abc").__index == string, getmetatable("x") == getmetatable("y"))
print(getmetatable(1), getmetatable(nil), getmetatable(print))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
local t4 = {}
print(setmetatable(t4, nil) == t4, getmetatable(t4))
