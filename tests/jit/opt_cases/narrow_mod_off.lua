-- opt: -narrow
-- With -O-narrow: b - floor(b/c)*c on numbers.
local s = 0
for i = 1, 100 do s = s + i % 7 end
print(s)
