-- A while loop nested in a for loop, with a data-dependent trip count.
local s = 0
for i = 1, 200 do
  local n = i % 7
  while n > 0 do
    s = s + n
    n = n - 1
  end
end
print(s)
