-- Several small loops run alternately; their hot counters advance independently.
local a, b, c = 0, 0, 0
for r = 1, 20 do
  for i = 1, 5 do a = a + i end
  for i = 1, 5 do b = b + i end
  for i = 1, 5 do c = c + i end
end
print(a, b, c)
