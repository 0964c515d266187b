local a, b, c = 1, 2, 3
a, b, c = c, a, b
local t = {}
t.x, t.y, a = a, b, c
a, b = b
x, y, z = 1, 2
