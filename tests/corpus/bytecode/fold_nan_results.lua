local inf = 1 / 0
local a = inf - inf
local b = inf * 0
local c = (-1) ^ 0.5
local d = 0 / 0 + 1
local e = math.huge - math.huge
return inf, a, b, c, d, e
