local t, i, j, e = ...
local a, d
a, t.c, d[e] = f()
t[i], t[j] = t[j], t[i]
t.b.c.d = 1
gx, gy = gy, gx
t[1], t[2] = 1
local p, q, r = 1
local u, v = 1, 2, 3, 4
a, d = f(), g()
a, d = (f())
i, t[i] = i + 1, 20
t.x, t = 1, 2
return a, d, p, q, r, u, v
