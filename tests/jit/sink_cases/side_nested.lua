-- A table stored into a sunk table is kept (stored values escape); the outer one
-- sinks and its side trace stores the inner one again.
local s, out = 0, 0
for i = 1, 300 do
  local inner = {i}
  local outer = {inner, n = i}
  if i > 150 then out = out + outer[1][1] + outer.n end
  s = s + outer.n
end
print(s, out)
