-- A counter closure's upvalue updated from a hot loop.
local function counter()
  local c = 0
  return function() c = c + 1 return c end
end
local next_id = counter()
local last
for i = 1, 300 do
  last = next_id()
end
print(last)
