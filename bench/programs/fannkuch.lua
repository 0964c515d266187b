-- Fannkuch-redux style: for every permutation of 1..N (generated with Heap's
-- algorithm), flip the prefix named by the first element until it is 1.
-- Prints the largest flip count and a signed checksum of all flip counts.
-- usage: fannkuch.lua [N]   (default 8)

local function flips(perm, work, n)
  for i = 1, n do
    work[i] = perm[i]
  end
  local count = 0
  local first = work[1]
  while first ~= 1 do
    local lo, hi = 1, first
    while lo < hi do
      work[lo], work[hi] = work[hi], work[lo]
      lo, hi = lo + 1, hi - 1
    end
    count = count + 1
    first = work[1]
  end
  return count
end

local function fannkuch(n)
  local perm, work, c = {}, {}, {}
  for i = 1, n do
    perm[i], c[i] = i, 1
  end
  local maxflips = flips(perm, work, n)
  local checksum, sign = maxflips, -1
  local i = 2
  while i <= n do
    if c[i] < i then
      local j = (i % 2 == 1) and c[i] or 1
      perm[j], perm[i] = perm[i], perm[j]
      local f = flips(perm, work, n)
      if f > maxflips then
        maxflips = f
      end
      checksum = checksum + sign * f
      sign = -sign
      c[i] = c[i] + 1
      i = 2
    else
      c[i] = 1
      i = i + 1
    end
  end
  return maxflips, checksum
end

local n = tonumber(arg and arg[1]) or 8
local maxflips, checksum = fannkuch(n)
print("fannkuch", n, "maxflips", maxflips, "checksum", checksum)
