local a = {}
local b = {1}
local c = {x = 1}
local d = {1, 2, 3, x = 1, y = 2}
local e = {{}, {}, {}}
return a, b, c, d, e
