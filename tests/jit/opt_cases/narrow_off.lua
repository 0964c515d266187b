-- opt: -narrow
-- The same loop with -O-narrow: the index stays a number.
local s = 0
for i = 1, 100 do s = s + i end
print(s)
