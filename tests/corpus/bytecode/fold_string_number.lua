local a = "10" + 1
local b = -"2"
local c = 1 + "0x10"
local d = "3" * "4"
local e = "a" < "b"
local f = 1 == 1
local g = "x" == "x"
return a, b, c, d, e, f, g
