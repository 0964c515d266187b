local a, b, c = ...
local s1 = a .. b
local s2 = a .. b .. c
local s3 = "x" .. a .. "y" .. b .. "z"
local s4 = a .. 1 .. 2
local s5 = (a .. b) .. (c .. a)
local s6 = a .. (b .. c)
local s7 = 1 .. 2
return s1, s2, s3, s4, s5, s6, s7
