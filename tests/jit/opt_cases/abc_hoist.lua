-- t[i] with a constant start and a stop inside the array: one invariant (p32) ABC
-- on the stop, in the pre-roll only.
local t = {}
for i = 1, 100 do t[i] = i end
local s = 0
for i = 1, 100 do s = s + t[i] end
print(s)
