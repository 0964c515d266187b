-- Calling a finished wrapped coroutine, and resume argument checks.
local w = coroutine.wrap(function(x) return x end)
print(w(5))
print(pcall(w, 6))
local co = coroutine.create(function(...) return select("#", ...), ... end)
print(coroutine.resume(co, nil, nil))
print(coroutine.resume(co))
local w2 = coroutine.wrap(function(...)
  local n = select("#", ...)
  while true do n = select("#", coroutine.yield(n)) end
end)
print(w2(), w2(1), w2(1, 2), w2(nil, nil, nil))
