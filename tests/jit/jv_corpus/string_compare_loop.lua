-- String comparisons in a hot loop.
local words = {"apple", "banana", "cherry", "date"}
local c = 0
for i = 1, 300 do
  local w = words[i % 4 + 1]
  if w < "c" then c = c + 1 end
  if w == "date" then c = c + 10 end
end
print(c)
