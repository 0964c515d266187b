local x, y = ...
if 1 < x then print(1) end
if "a" == x then print(2) end
if nil ~= x then print(3) end
if true == x then print(4) end
if 0 <= x then print(5) end
if x > 1 then print(6) end
if x >= y then print(7) end
if 1.5 > x then print(8) end
local b1 = 1 < x
local b2 = "s" ~= x
local b3 = false == x
local b4 = x <= 300000
return b1, b2, b3, b4
