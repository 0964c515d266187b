local a = 9007199254740993
local b = 1e308
local c = 1e309
local d = 0xffffffffffffffffff
local e = 2.2250738585072014e-308
local f = 4.9e-324
local g = 123456789012345678901234567890
print(a, b, c, d, e, f, g)
