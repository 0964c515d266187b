local a = ...
local c = a + 1
local d = a - 2.5
local e = a * 3
local f = a / 4
local g = a % 5
local h = a ^ 2
return c, d, e, f, g, h
