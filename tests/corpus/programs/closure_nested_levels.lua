-- Upvalues captured through several function levels.
local function level1(a)
  return function(b)
    return function(c)
      return function(d)
        a = a + 1
        return a + b + c + d
      end
    end
  end
end
local f = level1(1)(10)(100)
print(f(1000), f(1000), f(0))
local g = level1(0)
local g1, g2 = g(1)(1), g(2)(2)
print(g1(0), g2(0), g1(0))
local function fib_memo()
  local memo = {}
  local function fib(n)
    if n < 2 then return n end
    if memo[n] then return memo[n] end
    local v = fib(n - 1) + fib(n - 2)
    memo[n] = v
    return v
  end
  return fib
end
print(fib_memo()(80))
