local a = 1 < 2
local b = 1 == 1
local c = "a" == "a"
local d = nil == false
local e = not (1 < 2)
local f = 2 > 1 and 3 <= 4
return a, b, c, d, e, f
