local t = {}
local i = 1
i, t[i] = i + 1, 20
t[i], i = 30, 5
local a = {}
a, a.x = {}, 1
