-- An inner loop of four iterations: one abort, then inner trace plus outer side trace.
local s = 0
for i = 1, 300 do
  for j = 1, 4 do
    s = s + j * i
  end
end
print(s)
