local a, b, c, d, e, f = ...
local x = a and b and c and d and e and f
local y = a or b or c or d or e or f
local z = a and b or c and d or e and f
if a and b and c or d and e and f then print(1) end
return x, y, z
