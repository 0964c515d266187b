local a = {a = 1}
local b = {a = 1, b = 2}
local c = {a = 1, b = 2, c = 3}
local d = {a = 1, b = 2, c = 3, d = 4, e = 5}
local e = {a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9}
local f = {[1] = 1, [3] = 3, [100] = 100}
return a, b, c, d, e, f
