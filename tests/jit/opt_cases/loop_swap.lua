-- Two slots swapped every iteration: PHIs for values without their own SLOAD.
local a, b = 0, 1
for i = 1, 60 do a, b = b, a + b end
print(a, b)
