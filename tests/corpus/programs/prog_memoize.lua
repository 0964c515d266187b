-- Memoization of functions of one and several arguments.
local function memoize(f)
  local cache, hits = {}, 0
  return function(x)
    local v = cache[x]
    if v == nil then v = f(x) cache[x] = v else hits = hits + 1 end
    return v
  end, function() return hits end
end
local calls = 0
local slow_square = function(x) calls = calls + 1 return x * x end
local sq, hits = memoize(slow_square)
for i = 1, 3 do for j = 1, 10 do sq(j) end end
print(calls, hits())
local fib
fib = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(90))
local function memoize_n(f)
  local root = {}
  local NIL = {}
  return function(...)
    local node = root
    for i = 1, select("#", ...) do
      local a = select(i, ...)
      if a == nil then a = NIL end
      node[a] = node[a] or {}
      node = node[a]
    end
    if node.value == nil then node.value = {f(...)} end
    return unpack(node.value)
  end
end
local n = 0
local add = memoize_n(function(a, b, c) n = n + 1 return a + b + (c or 0), "sum" end)
print(add(1, 2), add(1, 2), add(1, 2, 3), add(1, 2, nil), n)
