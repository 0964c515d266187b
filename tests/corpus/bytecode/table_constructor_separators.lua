local a = {1; 2; 3}
local b = {1, 2, 3,}
local c = {x = 1; y = 2,}
local d = {[1] = 1, [2] = 2; [3] = 3}
return a, b, c, d
