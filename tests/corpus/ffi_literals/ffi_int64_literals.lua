local a = 12LL
local b = 0x10ULL
local c = -5LL
local d = 1ll
local e = 2ull
local f = 0xffffffffffffffffULL
print(a, b, c, d, e, f)
