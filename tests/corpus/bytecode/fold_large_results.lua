local a = 32767 + 1
local b = -32768 - 1
local c = 65536 * 65536
local d = 2^31
local e = 2^31 - 1
local f = 1e15 + 0.5
local g = 3 * 1.5
local h = 0.1 + 0.2
return a, b, c, d, e, f, g, h
