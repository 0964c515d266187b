-- A table constructor with constant parts (template table) in a hot loop.
local s = 0
for i = 1, 300 do
  local t = {1, 2, 3, x = 4}
  t.y = i
  s = s + t[3] + t.x + t.y
end
print(s)
