-- The left operand's metamethod wins; the right one is used when the left has none.
local A = {__add = function() return "A.add" end, __sub = function() return "A.sub" end}
local B = {__add = function() return "B.add" end, __mul = function() return "B.mul" end}
local a, b = setmetatable({}, A), setmetatable({}, B)
print(a + b, b + a, a - b, b - a == nil)
print(pcall(function() return a * b end))
print(pcall(function() return b * a end))
print(pcall(function() return a * a end))
print(pcall(function() return a / 2 end))
print(1 + a, "x" - a)
local numstr = setmetatable({}, {__add = function(x, y) return type(x) .. "+" .. type(y) end})
print(numstr + "3", "3" + numstr, 3 + numstr)
