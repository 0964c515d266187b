-- A function with a hot loop over its table argument, called with different tables.
local function sum(t)
  local s = 0
  for i = 1, #t do s = s + t[i] end
  return s
end
local a, b = {}, {}
for i = 1, 150 do a[i] = i; b[i] = i * 0.5 end
print(sum(a), sum(b), sum(a))
