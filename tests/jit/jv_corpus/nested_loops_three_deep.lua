-- Three nested loops with enough trips for every level to get hot.
local s = 0
for i = 1, 8 do
  for j = 1, 12 do
    for k = 1, 20 do
      s = s + (i + j + k) % 3
    end
  end
end
print(s)
