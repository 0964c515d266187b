-- A template table (TDUP) written through HREFK: FOLD drops the HREFK guard for a
-- key of the template, so the table sinks; an exit keeps one.
local s = 0
local last
for i = 1, 60 do
  local p = {x = 1, y = 2, z = 3}
  p.x = i
  p.y = p.x + p.z
  if i == 55 then last = p end
  s = s + p.y
end
print(s, last.x, last.y, last.z)
