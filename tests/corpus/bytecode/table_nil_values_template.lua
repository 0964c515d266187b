local t = {a = nil, b = 1}
local u = {nil}
local v = {1, nil, 3, x = nil}
local w = {[1] = nil}
return t, u, v, w
