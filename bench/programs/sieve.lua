-- Sieve of Eratosthenes up to 20000, run N times: table stores and loads
-- in tight numeric for loops.
-- usage: sieve.lua [N]   (default 40)

local LIMIT = 20000

local function sieve(limit)
  local composite = {}
  for i = 2, limit do
    composite[i] = false
  end
  local count, last = 0, 0
  for i = 2, limit do
    if not composite[i] then
      count = count + 1
      last = i
      for j = i * i, limit, i do
        composite[j] = true
      end
    end
  end
  return count, last
end

local n = tonumber(arg and arg[1]) or 40
local total, count, last = 0, 0, 0
for _ = 1, n do
  count, last = sieve(LIMIT)
  total = total + count
end
print("primes", count, "largest", last, "total", total)
