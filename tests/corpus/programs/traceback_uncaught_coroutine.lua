-- An uncaught error raised through coroutine.wrap inside functions.
local function work(n)
  if n == 3 then local x = nil; return x + 1 end
  coroutine.yield(n)
  return work(n + 1)
end
local gen = coroutine.wrap(function() work(1) end)
local function drive() for i = 1, 5 do print(gen()) end end
drive()
