local a
print(a)
local b, c
local d = 1
local e, f
return b, c, d, e, f
