-- A side trace replays a sunk table with new keys (NEWREF).
local s, out = 0, 0
for i = 1, 300 do
  local h = {}
  h.a = i
  h.b = i * 2
  if i > 150 then out = out + h.a + h.b end
  s = s + h.a
end
print(s, out)
