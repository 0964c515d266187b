local a = 1 + 2
local b = 10 - 4
local c = 3 * 7
local d = 10 / 4
local e = 10 % 3
local f = 2 ^ 10
local g = 1 + 2 * 3 - 4 / 2
local h = (1 + 2) * (3 + 4)
return a, b, c, d, e, f, g, h
