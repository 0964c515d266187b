-- Loops with fewer back-edges than the hot threshold never start a trace.
local s = 0
for i = 1, 40 do s = s + i end
for i = 1, 50 do s = s + i end
for i = 1, 55 do s = s - i end
print(s)
