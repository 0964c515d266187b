local a, b, c, d = ...
local r1 = a + b * c
local r2 = (a + b) * c
local r3 = a ^ b ^ c
local r4 = -a ^ b
local r5 = a .. b .. c .. d
local r6 = a + b - c + d
local r7 = a * b / c % d
local r8 = not a == b
local r9 = a < b and c or d
return r1, r2, r3, r4, r5, r6, r7, r8, r9
