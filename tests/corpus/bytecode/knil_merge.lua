local a, b, c, d
local e = nil
local f
local g, h = nil, nil
print(a, b, c, d, e, f, g, h)
