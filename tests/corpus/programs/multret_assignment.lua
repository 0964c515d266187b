-- Multiple assignment evaluates all expressions before assigning.
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, "changed"
print(i, t[1], t[2])
local x, y, z = (function() return 1, 2, 3 end)()
print(x, y, z)
x, y, z = 0
print(x, y, z)
local p, q = 1, 2, print("extra evaluated")
print(p, q)
local u = {}
u.a, u.b, u.a = 1, 2, 3
print(u.a, u.b)
local function f() return "r1", "r2" end
local m = {}
m[1], m[2], m[3] = f(), f()
print(m[1], m[2], m[3])
