local t = {[1] = "a", [2] = "b", [3] = "c"}
local u = {[0] = 0, [1] = 1}
local v = {"x", [1] = "y"}
local w = {[2] = 2, 1}
local x = {[1e3] = 1, [2^31] = 2, [-0] = 3}
return t, u, v, w, x
