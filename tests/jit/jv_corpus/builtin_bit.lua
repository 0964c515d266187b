-- Recorded bit library operations.
local x = 0
for i = 1, 300 do
  x = bit.bxor(x, bit.lshift(i, i % 8))
  x = bit.band(x, 0xffff) + bit.rshift(i, 1)
end
print(x, bit.tohex(x))
