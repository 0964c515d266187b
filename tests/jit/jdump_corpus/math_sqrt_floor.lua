local sqrt, floor = math.sqrt, math.floor
local s = 0
for i = 1, 300 do s = s + floor(sqrt(i)) end
print(s)
