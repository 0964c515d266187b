-- Coroutines resuming other coroutines.
local log = {}
local function note(s) log[#log + 1] = s end
local c1, c2, c3
c3 = coroutine.create(function() note("c3 a") coroutine.yield() note("c3 b") end)
c2 = coroutine.create(function()
  note("c2 a")
  coroutine.resume(c3)
  note("c2 b")
  coroutine.yield("from c2")
  coroutine.resume(c3)
  note("c2 c")
end)
c1 = coroutine.create(function()
  note("c1 a")
  print(coroutine.resume(c2))
  note("c1 b")
  print(coroutine.resume(c2))
  note("c1 c")
  return coroutine.status(c2), coroutine.status(c3)
end)
print(coroutine.resume(c1))
print(table.concat(log, " | "))
