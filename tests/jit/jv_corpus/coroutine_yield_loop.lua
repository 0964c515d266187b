-- A coroutine yielding from a hot loop, resumed from another hot loop.
local co = coroutine.create(function()
  for i = 1, 300 do
    coroutine.yield(i)
  end
  return 0
end)
local s = 0
for i = 1, 300 do
  local ok, v = coroutine.resume(co)
  s = s + v
end
print(s)
