local a, b, c = ...
if not (a < b) then print(1) end
if not not (a < b) then print(2) end
if not (a < b and b < c) then print(3) end
if not (a == 1 or b ~= 2) then print(4) end
local x = not (a <= c)
return x
