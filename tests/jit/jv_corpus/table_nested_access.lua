-- Reads through nested tables.
local grid = {}
for i = 1, 10 do grid[i] = {} for j = 1, 10 do grid[i][j] = i * j end end
local s = 0
for n = 1, 300 do
  local i, j = n % 10 + 1, (n * 7) % 10 + 1
  s = s + grid[i][j]
end
print(s)
