-- A number slot (SLOAD num) gets an int: the copy converts it (CONV num.int).
local x = 0
local s = 0
for i = 1, 100 do s = s + x; x = i end
print(s, x)
