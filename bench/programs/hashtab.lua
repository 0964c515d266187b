-- Hash tables with string keys: build keys by concatenation, insert, look
-- up hits and misses, update counters and delete; interned strings and the
-- table hash part.
-- usage: hashtab.lua [N]   (default 20000: keys)

local function fill(n)
  local t = {}
  for i = 1, n do
    t["key" .. i] = i
  end
  return t
end

local function lookups(t, n)
  local hits, sum = 0, 0
  for i = 1, 2 * n, 3 do
    local v = t["key" .. i]
    if v then
      hits = hits + 1
      sum = sum + v
    end
  end
  return hits, sum
end

local function count_words(n)
  local counts, distinct = {}, 0
  for i = 1, n do
    local w = "w" .. (i * 7919) % 997
    local c = counts[w]
    if c then
      counts[w] = c + 1
    else
      counts[w] = 1
      distinct = distinct + 1
    end
  end
  return counts, distinct
end

local function delete_even(t, n)
  for i = 2, n, 2 do
    t["key" .. i] = nil
  end
  local left = 0
  for _ in pairs(t) do
    left = left + 1
  end
  return left
end

local n = tonumber(arg and arg[1]) or 20000
local t = fill(n)
local hits, sum = lookups(t, n)
local counts, distinct = count_words(n)
local left = delete_even(t, n)
print("hashtab", n, "hits", hits, "sum", sum, "distinct", distinct,
      "w0", counts.w0, "left", left)
