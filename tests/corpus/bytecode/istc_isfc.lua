local a, b = ...
local x = a or b
local y = a and b
x = x or a
y = y and b
local z = b or 1
return x, y, z
