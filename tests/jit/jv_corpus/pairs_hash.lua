-- pairs over a table with only hash keys.
local t = {}
for i = 1, 150 do t[i * 1000] = i end
local s = 0
for rep = 1, 2 do
  for k, v in pairs(t) do
    s = s + v
  end
end
print(s)
