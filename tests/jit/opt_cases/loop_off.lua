-- opt: -loop
-- -O-loop: the trace links to itself without a LOOP and PHIs.
local s = 0
for i = 1, 100 do s = s + i end
print(s)
