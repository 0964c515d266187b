local a, b, c = ...
local x1 = a .. b .. c
local x2 = "x" .. 1
local x3 = 1 .. 2
local x4 = a .. (b .. c)
local x5 = (a .. b) .. c
local x6 = a .. f() .. b
f(a .. b, c .. a)
local x7 = a .. b + c
local x8 = a + b .. c
local x9 = t.x .. t.y .. t[1]
return x1, x2, x3, x4, x5, x6, x7, x8, x9
