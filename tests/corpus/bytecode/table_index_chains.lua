local t = ...
local a = t.a.b.c.d
t.a.b.c.d = 1
local b = t[1][2][3]
t[1][2][3] = t.x.y
local c = t["a"]["b"]
return a, b, c
