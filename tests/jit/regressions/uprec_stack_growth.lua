-- An up-recursion trace whose exit restores many frames near the end of the stack:
-- the trace-entry stack check must grow the stack first (it once wrote past it).
local function memoize(f)
  local cache = {}
  return function(x)
    local v = cache[x]
    if v == nil then v = f(x) cache[x] = v end
    return v
  end
end
local fib
fib = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(90))
local depth
depth = function(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(3000))
