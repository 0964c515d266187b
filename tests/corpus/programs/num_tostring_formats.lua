-- tostring of numbers: %.14g, inf, nan, negative zero.
local vals = {0, -0, 1, -1, 0.1, 1/3, 1e14, 1e15, 1e16, 1e100, 1e-100, 123456.789,
  0.000001, 0.0000001, 12345678901234, 123456789012345678, 2^63, 1/0, -1/0, 0/0}
for _, v in ipairs(vals) do io.write(tostring(v), "|") end
print()
print(tostring(3) == "3", tostring(3.5), tostring(-3.25), tostring(1e300 * 10))
print(("x"):rep(2) .. 1.5, 2 .. "", -2.5 .. "")
