local a, b, c = ...
local x = a and b
local y = a or b
local z = a and b or c
local w = a or b and c
local v = (a or b) and c
return x, y, z, w, v
