-- Numeric comparisons including infinities and NaN.
local nan, inf = 0/0, math.huge
local vals = {-inf, -1, -0, 0, 0.5, 1, inf, nan}
for i = 1, #vals do
  local row = {}
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    row[#row + 1] = (a < b and "<" or "") .. (a <= b and "=" or "") .. (a == b and "e" or "")
      .. (a > b and ">" or "") .. (a ~= b and "n" or "")
  end
  print(i, table.concat(row, ","))
end
print(1 == 1.0, -0 == 0, 2^53 == 2^53 + 1, "1" == 1, "a" < "b", "Z" < "a", "" < "a")
