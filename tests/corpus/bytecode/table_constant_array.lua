local t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
local s = {"a", "b", "c"}
local m = {true, false, 1.5, "x"}
local n = {nil, nil, 3}
return t, s, m, n
