-- select(n, ...) with a constant n in a hot loop.
local function third(...)
  return (select(3, ...))
end
local s = 0
for i = 1, 300 do
  s = s + third(1, 2, i, 4)
end
print(s)
