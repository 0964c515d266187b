-- Heapsort of N pseudo-random integers (Park-Miller generator), then a
-- check that the array is sorted and a checksum of its contents.
-- usage: heapsort.lua [N]   (default 50000)

local function sift(a, root, last)
  local value = a[root]
  while true do
    local child = root * 2
    if child > last then
      break
    end
    if child < last and a[child + 1] > a[child] then
      child = child + 1
    end
    if a[child] <= value then
      break
    end
    a[root] = a[child]
    root = child
  end
  a[root] = value
end

local function heapsort(a, n)
  for i = math.floor(n / 2), 1, -1 do
    sift(a, i, n)
  end
  for last = n, 2, -1 do
    a[1], a[last] = a[last], a[1]
    sift(a, 1, last - 1)
  end
end

local n = tonumber(arg and arg[1]) or 50000
local a, seed = {}, 42
for i = 1, n do
  seed = (seed * 16807) % 2147483647
  a[i] = seed
end
heapsort(a, n)
local sorted, checksum = true, 0
for i = 1, n do
  if i > 1 and a[i - 1] > a[i] then
    sorted = false
  end
  checksum = (checksum + (a[i] % 1000) * i) % 1000000007
end
print("heapsort", n, "sorted", sorted, "min", a[1], "max", a[n], "checksum", checksum)
