local a = "1" + 2
local b = "10" * "2"
local c = 1 + "x"
local d = -"2"
local e = "a" .. "b"
local f = 1 .. 2
return a, b, c, d, e, f
