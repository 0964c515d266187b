local a = 5 / 5
local b = 6 / 4 * 2
local c = 2 ^ 2
local d = 1e2 / 10
local e = 100000 / 2
local f = 7.0
local g = 3 % 2.5
return a, b, c, d, e, f, g
