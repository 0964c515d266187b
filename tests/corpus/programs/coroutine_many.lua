-- Many short-lived coroutines, with garbage collection in between.
local total = 0
for i = 1, 300 do
  local co = coroutine.create(function(a)
    local b = coroutine.yield(a + 1)
    return a + b
  end)
  local _, x = coroutine.resume(co, i)
  local _, y = coroutine.resume(co, x)
  total = total + y
  if i % 100 == 0 then collectgarbage() end
end
print(total)
local live = {}
for i = 1, 50 do
  live[i] = coroutine.wrap(function() local n = i while true do n = n + 1 coroutine.yield(n) end end)
end
collectgarbage()
local s = 0
for round = 1, 3 do for i = 1, 50 do s = s + live[i]() end end
print(s)
