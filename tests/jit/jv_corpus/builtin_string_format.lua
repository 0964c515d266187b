-- string.format with simple specifiers in a hot loop.
local n = 0
for i = 1, 300 do
  local s = string.format("%d:%s", i, "x")
  n = n + #s
end
print(n)
