-- A fractional step: the index stays a number.
local s = 0
for i = 1, 50, 0.5 do s = s + i end
print(s)
