-- string.format with a float specifier.
local n = 0
for i = 1, 300 do
  local s = string.format("%.2f", i / 7)
  n = n + #s
end
print(n)
