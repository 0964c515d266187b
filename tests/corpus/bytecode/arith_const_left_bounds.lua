local x = ...
local t = {}
t[1] = 1 + x
t[2] = 1 - x
t[3] = 2 * x
t[4] = 1 / x
t[5] = 1 % x
t[6] = x - -1
t[7] = x + 2^53
t[8] = x + 0.5
local k1, k2, k3, k4 = 32767, 32768, -32768, -32769
local k5, k6, k7 = 65535, 65536, -0.0
local k8, k9 = 1e100, -1e-100
return t, k1, k2, k3, k4, k5, k6, k7, k8, k9
