local a, b, c, d = ...
local x1 = a and b or c and d
local x2 = not (a or b)
local x3 = (a and b) == c
local x4 = a or {}
if a and (b or c) then print(1) end
while not a and b do a = c end
local x5 = nil and a
local x6 = false or a
local x7 = 1 and a
local x8 = a or true
local x9 = a == b and c or d
local x10 = (a or b) and (c or d)
local x11 = not a or not b
return x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11
