local x = ...
local a = x + 1 + 2
local b = 1 + 2 + x
local c = x * (2 * 3)
local d = (1 + 2) * x
local e = x + (4 - 4)
local f = 2 * 3 + x * 4 * 5
return a, b, c, d, e, f
