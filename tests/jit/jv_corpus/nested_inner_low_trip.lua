-- An inner loop with a low trip count inside a hot outer loop.
local s = 0
for i = 1, 400 do
  for j = 1, 2 do
    s = s + j
  end
end
print(s)
