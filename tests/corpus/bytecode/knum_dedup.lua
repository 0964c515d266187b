local a = 1.5
local b = 1.5
local c = 2.5
local d = 1.5 + 0
local e = 2.5
local f = 100000
local g = 100000
print(a, b, c, d, e, f, g)
