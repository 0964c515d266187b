local a, b, c = ...
local r = (a + b) * (b + c) - (a * c) / (b - a)
local s = ((a + 1) * 2 + (b - 1) * 3) % 4
return r, s
