local a, b = ...
local c = a + b
local d = a - b
local e = a * b
local f = a / b
local g = a % b
local h = a ^ b
return c, d, e, f, g, h
