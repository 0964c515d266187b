local x = ...
local t1 = {[1] = 1, [2] = 2, 3}
local t2 = {f()}
local t3 = {f(), nil}
local t4 = {...}
local t5 = {(f())}
local t6 = {[true] = 1, [false] = 2}
local t7 = {[1.5] = 1, [-1] = 2, [0] = 3}
local t8 = {["x"] = 1, x = 2}
local t9 = {nil}
local t10 = {1, 2, 3, [4] = x}
local t11 = {[2^31] = 1, [65536] = 2, [2^53] = 3}
local t12 = {x, x, nil, x}
local t13 = {x = x, y = {z = x}}
local t14 = {1, nil, 3}
local t15 = {[x] = 1, [x.y] = 2}
return t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15
