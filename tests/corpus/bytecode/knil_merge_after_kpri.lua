local a = false
local b, c
local d = nil
local e = true
local f, g, h = nil
return a, b, c, d, e, f, g, h
