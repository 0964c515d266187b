local a = -1
local b = -(-2)
local c = -(1 + 2)
local d = - - -3
local e = -0.5
local f = -1e300
local g = -(2^63)
return a, b, c, d, e, f, g
