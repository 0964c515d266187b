local a = "\65\66\67"
local b = "\0"
local c = "\00012"
local d = "\255\254\1"
local e = "a\0b\0c"
local f = "\127\031\200"
print(a, b, c, d, e, f)
