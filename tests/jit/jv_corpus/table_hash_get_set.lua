-- Constant string keys (hash part) in a hot loop.
local p = {x = 0, y = 0, z = 0}
for i = 1, 300 do
  p.x = p.x + 1
  p.y = p.y + p.x
  p.z = p.y - p.x
end
print(p.x, p.y, p.z)
