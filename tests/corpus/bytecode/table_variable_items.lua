local a, b = ...
local t = {a, b, a + b}
local u = {x = a, y = b, [a] = b}
local v = {1, a, 2, b, x = 3, y = a}
local w = {[a .. b] = 1, [1] = a}
return t, u, v, w
