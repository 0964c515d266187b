-- A side trace starts at an exit holding a sunk table: it allocates the table again
-- with the parent's stores; a stored number conversion the parent left to the exit
-- is redone from the integer (PVAL of it, then CONV), another comes as a PVAL.
local s = 0
local out
for i = 1, 200 do
  local t = {i, i + 1}
  if i > 90 then out = t[2] + s end
  s = s + t[1]
end
print(s, out)
