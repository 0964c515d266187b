local a, b, c = 1, 2, 3
local d, e = 4
local f = 5, 6, 7
local g, h, i
local j, k = g, h
