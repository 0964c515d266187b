-- i % 7 with int operands: int MOD with a guard on the divisor.
local s = 0
for i = 1, 100 do s = s + i % 7 end
print(s)
