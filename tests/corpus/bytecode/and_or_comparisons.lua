local a, b, c = ...
if a < b and b < c then print(1) end
if a == 1 or b == 2 then print(2) end
local x = a < b and b < c
local y = a == 1 or b ~= "z"
local z = a > 0 and a or -a
return x, y, z
