-- Constant indexes: ABC(asize, k1), ABC(asize, k2) keep one check, for the largest k.
local t = {1, 2, 3, 4, 5}
local s = 0
for i = 1, 100 do s = s + t[2] + t[4] + t[3] end
print(s)
