-- opt: -loop
-- The same loops with -O-loop: no LOOP, so no invariant ABC either.
local t = {}
for i = 1, 100 do t[i] = i end
local s = 0
for i = 1, 100 do s = s + t[i] end
print(s)
