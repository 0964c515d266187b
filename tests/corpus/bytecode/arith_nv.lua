local a = ...
local c = 1 + a
local d = 2.5 - a
local e = 3 * a
local f = 4 / a
local g = 5 % a
local h = 2 ^ a
return c, d, e, f, g, h
