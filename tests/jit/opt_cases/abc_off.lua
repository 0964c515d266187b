-- opt: -abc
-- The same loops with -O-abc: a regular int ABC, repeated in the loop.
local t = {}
for i = 1, 100 do t[i] = i end
local s = 0
for i = 1, 100 do s = s + t[i] end
print(s)
