local band, bxor, lshift = bit.band, bit.bxor, bit.lshift
local h = 0
for i = 1, 300 do h = bxor(band(h, 0xffff), lshift(i, 3)) end
print(h)
