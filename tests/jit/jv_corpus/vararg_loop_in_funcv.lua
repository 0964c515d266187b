-- A loop inside a vararg function compiles; the FUNCV header is never hot.
local function sum(...)
  local n = select('#', ...)
  local s = 0
  for i = 1, 200 do s = s + n end
  return s
end
local t = 0
for k = 1, 5 do t = t + sum(1, 2, k) end
print(t)
