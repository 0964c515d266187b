-- t[i-1] in the copy is the t[i] stored by the previous iteration: CSE across the
-- copy forwards the load.
local t = {}
for i = 1, 100 do t[i] = 0 end
for i = 2, 100 do t[i] = t[i - 1] + 1 end
print(t[100])
