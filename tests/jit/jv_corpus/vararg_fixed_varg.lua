-- A vararg function taking fixed values out of ... (VARG with a known count).
local function first2(...)
  local a, b = ...
  return a + b
end
local s = 0
for i = 1, 300 do
  s = s + first2(i, 2, 3)
end
print(s)
