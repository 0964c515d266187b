-- A vararg function called from a hot loop, using select('#', ...).
local function count(...)
  return select('#', ...)
end
local s = 0
for i = 1, 300 do
  s = s + count(i, i, i)
end
print(s)
