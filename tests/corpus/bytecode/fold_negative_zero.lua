local a = -0
local b = 0 * -1
local c = -0.0
local d = 0 / -1
local e = -(0)
local f = 1 / -0
local g = 1 - 1
return a, b, c, d, e, f, g
