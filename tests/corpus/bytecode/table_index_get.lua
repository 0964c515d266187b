local t, k = ...
local a = t.x
local b = t["x"]
local c = t[1]
local d = t[255]
local e = t[256]
local f = t[k]
local g = t[-1]
local h = t[1.5]
local i = t[true]
local j = t[nil]
local l = t[0]
return a, b, c, d, e, f, g, h, i, j, l
