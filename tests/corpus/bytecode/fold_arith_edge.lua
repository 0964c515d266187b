local a = 0 / 0
local b = -0
local c = 1 / 0
local d = -(0)
local e = 0 * -1
local f = 2 ^ 0.5
local g = 7 % -3
local h = -7 % 3
local i = 5.5 % 2
local j = 1e308 * 10
local k = "a" .. "b"
local l = #"abc"
local m = -(-1)
local n = 3 - 3
local o = -n
local p = 2^31 + 2^31
local q = 0x7fffffff + 1
return a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q
