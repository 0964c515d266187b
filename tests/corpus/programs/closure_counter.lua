-- Closures keep private state.
local function counter(start, step)
  local n = start
  return function() n = n + step return n end, function() return n end
end
local inc, get = counter(10, 5)
inc() inc()
print(get(), inc(), get())
local c1, c2 = counter(0, 1), counter(100, -1)
print(c1(), c1(), c2(), c2(), c1())
local function make_acc()
  local total = 0
  return {add = function(x) total = total + x return total end,
          reset = function() local old = total total = 0 return old end}
end
local acc = make_acc()
acc.add(3) acc.add(4)
print(acc.reset(), acc.add(1))
