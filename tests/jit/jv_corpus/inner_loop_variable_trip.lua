-- An inner loop whose trip count varies between 2 and 20: inner trace plus outer side traces.
local s = 0
for i = 1, 300 do
  local n = i % 3 == 0 and 20 or 2
  for j = 1, n do
    s = s + j
  end
end
print(s)
