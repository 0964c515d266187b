-- Integer start, stop and step: the index is an int (SLOAD CI, int ADD/LE, PHI).
local s = 0
for i = 1, 100 do s = s + i end
print(s)
