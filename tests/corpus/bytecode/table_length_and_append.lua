local t = ...
t[#t + 1] = "x"
local n = #t
local m = #t.list + #"abc"
table.insert(t, #t, 1)
return n, m
