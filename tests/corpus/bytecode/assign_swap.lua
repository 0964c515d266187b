local a, b = 10, 20
a, b = b, a
local t = {1, 2}
t[1], t[2] = t[2], t[1]
local i, j = 1, 2
t[i], t[j] = t[j], t[i]
