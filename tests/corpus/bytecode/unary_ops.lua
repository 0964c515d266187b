local a, b = ...
local c = -a
local d = not a
local e = #a
local f = - -a
local g = not not b
local h = -#a
local i = #"abc"
local j = not nil
local k = not 1
return c, d, e, f, g, h, i, j, k
