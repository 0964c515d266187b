local a = -5 % 3
local b = 5 % -3
local c = -5 % -3
local d = 5.5 % 2
local e = -5.5 % 2
local f = 3 % 1e308
return a, b, c, d, e, f
