local a = 1 / 0
local b = -1 / 0
local c = 0 / 0
local d = 1 % 0
local e = 0 % 0
local f = 5 % -0
return a, b, c, d, e, f
