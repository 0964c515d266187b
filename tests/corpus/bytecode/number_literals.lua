local a = 0x10
local b = 0XfF
local c = 1e3
local d = 1E-3
local e = .5
local f = 5.
local g = 0x1p4
local h = 0x.8p1
local i = 3e+2
local j = 0x1P-2
local k = 0b101
local l = 0x10.8
local m = 007
print(a, b, c, d, e, f, g, h, i, j, k, l, m)
