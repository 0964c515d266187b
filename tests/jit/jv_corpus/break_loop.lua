-- A hot loop left with break once a condition holds.
local s, last = 0, 0
for i = 1, 1000 do
  s = s + i
  if s > 30000 then last = i break end
end
print(s, last)
