local a, b, c = ...
local x1 = -a ^ 2
local x2 = not a == b
local x3 = -2 ^ 2
local x4 = 2 ^ -2
local x5 = a ^ b ^ c
local x6 = #a ^ 2
local x7 = -a ^ -b
local x8 = 2 ^ 3 ^ 2
local x9 = not a .. b
return x1, x2, x3, x4, x5, x6, x7, x8, x9
