-- table.sort with a Lua comparator, called in a hot loop.
local function desc(a, b) return a > b end
local s = 0
for i = 1, 150 do
  local t = {i % 7, i % 5, i % 3, 4}
  table.sort(t, desc)
  s = s + t[1] * 10 + t[4]
end
print(s)
