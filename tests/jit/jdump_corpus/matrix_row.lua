local m = {}
for i = 1, 20 do m[i] = {} for j = 1, 20 do m[i][j] = i + j end end
local s = 0
for j = 1, 20 do s = s + m[5][j] end
print(s)
