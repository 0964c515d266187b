-- A side trace from an exit where the PHI table is live (the pre-loop side).
local t = {0, 5}
local s = 0
for i = 1, 300 do
  if i > 150 then s = s + t[1] + t[2] end
  t = {t[1] + i, 5}
end
print(s, t[1], t[2])
