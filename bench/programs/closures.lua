-- Closures: counters and accumulators sharing upvalues, function
-- composition, currying and higher-order map/filter/fold written in Lua.
-- Many closure creations and calls through upvalues.
-- usage: closures.lua [N]   (default 300: rounds over a 1000-element list)

local function counter(start, step)
  local value = start
  return function()
    value = value + step
    return value
  end, function()
    return value
  end
end

local function compose(f, g)
  return function(x)
    return f(g(x))
  end
end

local function curry(f)
  return function(a)
    return function(b)
      return f(a, b)
    end
  end
end

local function map(list, f)
  local out = {}
  for i = 1, #list do
    out[i] = f(list[i])
  end
  return out
end

local function filter(list, keep)
  local out, n = {}, 0
  for i = 1, #list do
    local v = list[i]
    if keep(v) then
      n = n + 1
      out[n] = v
    end
  end
  return out
end

local function fold(list, f, acc)
  for i = 1, #list do
    acc = f(acc, list[i])
  end
  return acc
end

local add = curry(function(a, b) return a + b end)
local mul = curry(function(a, b) return a * b end)

local function round(list, r)
  local next_id, peek = counter(r, 3)
  local shift = compose(add(r % 7), mul(3))
  local shifted = map(list, shift)
  local odd = filter(shifted, function(v) return v % 2 == 1 end)
  local tagged = map(odd, function(v) return v + next_id() % 5 end)
  local total = fold(tagged, function(acc, v) return (acc + v) % 1000003 end, 0)
  return (total + peek()) % 1000003
end

local n = tonumber(arg and arg[1]) or 300
local list = {}
for i = 1, 1000 do
  list[i] = i
end
local sum = 0
for r = 1, n do
  sum = (sum + round(list, r)) % 1000000007
end
print("closures", n, "checksum", sum)
