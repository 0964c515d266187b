local t = {a = 1, a = 2}
local u = {1, [1] = 2}
local v = {x = 1, y = 2, x = 3}
return t, u, v
