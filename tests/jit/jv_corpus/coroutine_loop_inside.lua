-- A hot loop that runs entirely inside a coroutine.
local co = coroutine.create(function(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end)
print(coroutine.resume(co, 300))
