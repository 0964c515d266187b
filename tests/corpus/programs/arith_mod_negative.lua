-- Modulo follows a - floor(a/b)*b for every sign combination.
local vals = {7, -7, 7.5, -7.5, 0, 3}
local divs = {3, -3, 2.5, -2.5, 1, -1}
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs(divs) do
    row[#row + 1] = string.format("%g", a % b)
  end
  print(a, table.concat(row, " "))
end
print(5 % 0, -5 % 0, 0 % 0)
print(5.5 % math.huge, -5.5 % math.huge, 5.5 % -math.huge)
print(1e308 % 3, -1e308 % 7)
