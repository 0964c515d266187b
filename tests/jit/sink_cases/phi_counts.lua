-- t is carried around the loop, but before the loop it holds the SLOAD's
-- conversion (no PHI) and in the loop the PHI's: the counts differ, nothing sinks.
local t = {0}
local r = {}
for i = 1, 100 do
  local j = i
  t = {j}
  if i % 10 == 3 then r[#r + 1] = t end
end
print(t[1], #r, r[1][1], r[5][1])
