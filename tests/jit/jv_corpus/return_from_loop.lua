-- A loop inside a function that returns from inside the loop.
local function find(limit)
  for i = 1, 1000 do
    if i * i > limit then return i end
  end
  return -1
end
print(find(40000))
print(find(10))
