-- New keys (NEWREF) into a fresh table sink with it; t is carried around the loop
-- (a PHI of two TNEWs with one PHI value stored each): the PHI sinks too.
local t = {0}
local s = 0
for i = 1, 100 do
  local h = {}
  h.a = i
  h.b = i * 0.5
  s = s + h.a + h.b
  t = {t[1] + i}
end
print(s, t[1])
