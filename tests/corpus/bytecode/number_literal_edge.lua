local a = 0x7fffffff
local b = 0xffffffff
local c = 0x100000000
local d = 1e309
local e = 0x1p-1074
local f = 9007199254740993
local g = .0
local h = 0.
local i = 1e-400
local j = 0xA.8p0
local k = 0B11
local l = 0xFFFFFFFFFFFFFFFF
local m = 1E+2
local n = 3.14159265358979
local o = 0x.1
print(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o)
