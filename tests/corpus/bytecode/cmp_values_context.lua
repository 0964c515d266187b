local a, b = ...
local c = a < b
local d = a <= b
local e = a > b
local f = a >= b
local g = a == b
local h = a ~= b
local i = a == "s"
local j = a ~= 1
local k = a == nil
local l = a ~= true
return c, d, e, f, g, h, i, j, k, l
