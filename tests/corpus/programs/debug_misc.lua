-- debug.getmetatable/setmetatable bypass __metatable; registry and getfenv.
local t = setmetatable({}, {__metatable = "hidden", marker = 1})
print(getmetatable(t), debug.getmetatable(t).marker)
debug.setmetatable(t, nil)
print(getmetatable(t))
print(type(debug.getregistry()))
local old = debug.getmetatable(0)
debug.setmetatable(0, {__index = {double = function(n) return n * 2 end}, __call = function(n, x) return n + x end})
local five = 5
print(five:double(), (7)(3))
debug.setmetatable(0, old)
print(pcall(function() return five:double() end))
debug.setmetatable(nil, {__index = function() return "nil field" end})
local nothing = nil
print(nothing.anything)
debug.setmetatable(nil, nil)
print(pcall(function() return nothing.anything end))
print(type(debug.getfenv(print)), debug.getfenv(1) == nil)
