local x, t = ...
local y = x + 1LL
t[1LL] = 2ULL
if x == 0LL then print(y) end
local z = {1LL, 2i}
return y, z
