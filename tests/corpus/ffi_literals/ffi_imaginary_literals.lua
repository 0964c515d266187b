local a = 3i
local b = 1.5i
local c = 2e3I
print(a, b, c)
