-- Integer-valued floats print without a fraction; others with up to 14 digits.
local vals = {1, 1.0, -1.5, 100, 1e14, 1e15, 123456789012345, 1234567890123456,
  2^31, 2^32, -2^31, 2^52, 2^53, 0.5, 1/3, 2/3, 100/3, 1e-5, 1.5e-7, 123.456e10}
for i, v in ipairs(vals) do
  print(i, v, tostring(v), v .. "")
end
print(3.0 == 3, 3.0000000000000001 == 3, 0.1 * 3)
