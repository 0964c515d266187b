-- Stored to a global and into another table: kept. Passed to an inlined function
-- whose load is forwarded: sinks.
local list = {}
local function use(t) return t[1] end
local s = 0
for i = 1, 60 do
  local a = {i}
  G = a
  local b = {i + 1}
  list[i] = b
  local c = {i + 2}
  s = s + use(c) + a[1]
end
print(s, G[1], #list, list[60][1])
