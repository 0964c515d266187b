local abs, max, min = math.abs, math.max, math.min
local s = 0
for i = 1, 300 do s = s + abs(150 - i) + max(i, 10) - min(i, 20) end
print(s)
