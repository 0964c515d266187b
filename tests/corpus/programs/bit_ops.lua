-- bit library: and, or, xor, not, shifts, rotations, tohex.
print(bit.band(0xff, 0x0f), bit.bor(0xf0, 0x0f), bit.bxor(0xff, 0x0f), bit.bnot(0))
print(bit.band(-1, 0xffff), bit.bor(1, 2, 4, 8), bit.bxor(1, 3, 7), pcall(bit.band))
print(bit.lshift(1, 4), bit.lshift(1, 31), bit.lshift(1, 32), bit.rshift(-1, 28), bit.arshift(-256, 4))
print(bit.rshift(0x80000000, 31), bit.arshift(0x80000000, 31), bit.lshift(0xff, 36))
print(bit.rol(0x12345678, 8), bit.ror(0x12345678, 8), bit.bswap(0x12345678))
print(bit.tohex(255), bit.tohex(255, 2), bit.tohex(-1), bit.tohex(255, -4), bit.tohex(0x12345678, 3))
print(bit.tobit(2^32 + 5), bit.tobit(2^31), bit.tobit(-1), bit.tobit(1.5), bit.tobit(2.5))
print(bit.band(2^53 + 3, 0xff), bit.bor(0.4, 0), bit.bnot(0xffffffff))
print(pcall(bit.band, "x"), pcall(bit.band, "3", 1))
local function popcount(x) local c = 0 while x ~= 0 do c = c + bit.band(x, 1) x = bit.rshift(x, 1) end return c end
print(popcount(0xff), popcount(-1), popcount(0x55555555))
