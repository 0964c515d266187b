-- stop + step would overflow an int32: the index stays a number.
local s = 0
for i = 2147483547, 2147483647 do s = s + i end
print(s)
