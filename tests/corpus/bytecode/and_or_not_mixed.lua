local a, b, c = ...
local x = not a and b
local y = not (a and b)
local z = not a or not b
if not a and not b then print(1) end
if not (a or b) then print(2) end
return x, y, z
