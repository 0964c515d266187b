-- Prime sieve, factorisation and a prime-counting check.
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(2000)
print(#p, p[1], p[100], p[#p])
print(table.concat(sieve(50), " "))
local function factor(n)
  local f = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d n = n / d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return table.concat(f, "*")
end
for _, n in ipairs({360, 97, 1001, 65536, 999999, 2^31 - 1}) do print(n, factor(n)) end
