-- A side trace replays a sunk TDUP written through HREFK (KSLOT keys).
local s, out = 0, 0
for i = 1, 300 do
  local p = {x = 1, y = 2, z = 3}
  p.x = i
  p.y = p.x + 0.5
  if i > 150 then out = out + p.x + p.y + p.z end
  s = s + p.y
end
print(s, out)
