local x, y = ...
local t = {1, 2, 3, a = x, b = "b", c = y, 4, 5, [x] = y}
local u = {a = 1, b = 2, c = {}, d = 4}
local v = {x, 1, y, 2}
return t, u, v
