-- A fresh empty table created on every iteration.
local s = 0
for i = 1, 300 do
  local t = {}
  t[1] = i
  t[2] = i + 1
  s = s + t[1] + t[2]
end
print(s)
