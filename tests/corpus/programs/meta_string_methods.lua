-- Strings index the string table through their shared metatable.
local s = "Hello"
print(s:upper(), s:len(), s:sub(2, 3), ("%d-%d"):format(1, 2), #s:rep(3))
local mt = getmetatable("")
print(type(mt), mt.__index == string)
function string.shout(x) return x:upper() .. "!" end
print(("hey"):shout())
print(pcall(function() return ("x"):nosuch() end))
print(pcall(function() return s.field.sub end))
local n = 5
print(pcall(function() return n:foo() end))
print(("abc").len, ("abc").x)
