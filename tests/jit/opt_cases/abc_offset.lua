-- t[i+1] and t[i-1]: one hoisted check covers stop+1; the one for stop-1 is lower
-- and dropped (abc_k), and i-1 needs no start check (start-1 >= 0).
local t = {}
for i = 1, 101 do t[i] = i end
local s = 0
for i = 2, 100 do s = s + t[i + 1] - t[i - 1] end
print(s)
