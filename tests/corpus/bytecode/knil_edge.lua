local a
local b
local c = nil
print(a, b, c)
local d, e = nil, nil
local f1, f2, f3 = 1, nil, nil
local g1 = f()
local g2, g3
local h = nil
if h then local i, j end
local k, l = f(), nil
return d, e, f1, f2, f3, g1, g2, g3, k, l
