-- A called function returning several values.
local function divmod(a, b) return math.floor(a / b), a % b end
local q, r = 0, 0
for i = 1, 300 do
  local x, y = divmod(i, 7)
  q, r = q + x, r + y
end
print(q, r)
