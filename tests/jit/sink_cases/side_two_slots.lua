-- One sunk table in two slots: the side trace allocates it once.
local s, out = 0, 0
for i = 1, 300 do
  local t = {i, i * 2}
  local u = t
  if i > 150 then out = out + t[1] + u[2] end
  s = s + t[1]
end
print(s, out)
