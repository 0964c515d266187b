-- Weak keys: entries whose key is only referenced by the table disappear.
local cache = setmetatable({}, {__mode = "k"})
local function fill(n)
  for i = 1, n do cache[{}] = i end
end
local strong = {}
cache[strong] = "strong"
cache["str"] = "string keys stay"
cache[1] = "numbers stay"
fill(10)
local function count()
  local n = 0
  for _ in pairs(cache) do n = n + 1 end
  return n
end
print(count() >= 3)  -- how many weak entries are left before a collection depends on GC timing
collectgarbage()
print(count(), cache[strong], cache.str, cache[1])
strong = nil
collectgarbage()
print(count() >= 3)  -- how many weak entries are left before a collection depends on GC timing
