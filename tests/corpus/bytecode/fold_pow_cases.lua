local a = 2 ^ 0.5
local b = 10 ^ -2
local c = 0 ^ 0
local d = (-8) ^ (1/3)
local e = 2 ^ 1024
local f = 2 ^ -1074
local g = 1 ^ (0/0)
return a, b, c, d, e, f, g
