-- Iterators built on coroutines keep their state between loops.
local function chunks(s, n)
  return coroutine.wrap(function()
    for i = 1, #s, n do coroutine.yield(i, s:sub(i, i + n - 1)) end
  end)
end
for i, c in chunks("abcdefghij", 3) do io.write(i, "[", c, "] ") end
print()
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a) a, b = b, a + b end
  end)
end
local f = fib()
local out = {}
for i = 1, 15 do out[i] = f() end
print(table.concat(out, " "))
local function zip(g1, g2)
  return coroutine.wrap(function()
    while true do
      local a, b = g1(), g2()
      if a == nil or b == nil then return end
      coroutine.yield(a, b)
    end
  end)
end
local function count(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
for a, b in zip(count(3), fib()) do io.write(a, "/", b, " ") end
print()
