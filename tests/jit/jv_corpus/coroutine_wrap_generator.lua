-- A coroutine.wrap generator consumed by a generic for.
local gen = coroutine.wrap(function()
  for i = 1, 200 do coroutine.yield(i) end
end)
local s = 0
for v in gen do
  s = s + v
end
print(s)
