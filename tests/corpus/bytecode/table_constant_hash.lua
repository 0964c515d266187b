local t = {a = 1, b = 2, c = "three", d = true, e = false}
local u = {["key with space"] = 1, [1.5] = 2, [10] = 3, [-1] = 4}
local v = {[true] = 1, [false] = 0}
return t, u, v
