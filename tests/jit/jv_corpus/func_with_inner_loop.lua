-- A function with a loop inside, called many times from a loop.
local function sum(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
local total = 0
for k = 1, 100 do
  total = total + sum(20)
end
print(total)
