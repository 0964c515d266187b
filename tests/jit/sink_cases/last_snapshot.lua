-- keep is live after the loop: its table stores a loop-variant non-PHI value, so
-- the PHI keeps both TNEWs; t sinks.
local keep
local s = 0
for i = 1, 100 do
  local t = {i}
  keep = {i + 1}
  s = s + t[1]
end
print(s, keep[1])
