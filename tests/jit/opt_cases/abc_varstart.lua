-- A start that is not a constant: the index is checked, too (invariant p32).
local t = {}
for i = 1, 100 do t[i] = i end
local lo = 3
local s = 0
for i = lo, 100 do s = s + t[i] end
print(s)
