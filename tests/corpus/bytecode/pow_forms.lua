local a, b = ...
local c = a ^ b
local d = a ^ 2
local e = 2 ^ a
local f = 2 ^ 10
local g = a ^ -1
local h = (-a) ^ 0.5
return c, d, e, f, g, h
