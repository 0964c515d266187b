-- Several sorting algorithms compared on the same data.
local function data(n, seed)
  local t, x = {}, seed
  for i = 1, n do x = (x * 1103515245 + 12345) % 2147483648 t[i] = x % 1000 end
  return t
end
local function copy(t) local r = {} for i = 1, #t do r[i] = t[i] end return r end
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j] j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local function merge_sort(t)
  if #t <= 1 then return t end
  local mid = math.floor(#t / 2)
  local l, r = {}, {}
  for i = 1, mid do l[#l + 1] = t[i] end
  for i = mid + 1, #t do r[#r + 1] = t[i] end
  l, r = merge_sort(l), merge_sort(r)
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do
    if l[i] <= r[j] then out[#out + 1] = l[i] i = i + 1 else out[#out + 1] = r[j] j = j + 1 end
  end
  for k = i, #l do out[#out + 1] = l[k] end
  for k = j, #r do out[#out + 1] = r[k] end
  return out
end
local function quick(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo >= hi then return t end
  local p, i = t[hi], lo - 1
  for j = lo, hi - 1 do if t[j] <= p then i = i + 1 t[i], t[j] = t[j], t[i] end end
  t[i + 1], t[hi] = t[hi], t[i + 1]
  quick(t, lo, i) quick(t, i + 2, hi)
  return t
end
local function heap_sort(t)
  local n = #t
  local function sift(i, size)
    while true do
      local l, r, m = 2 * i, 2 * i + 1, i
      if l <= size and t[l] > t[m] then m = l end
      if r <= size and t[r] > t[m] then m = r end
      if m == i then return end
      t[i], t[m] = t[m], t[i]
      i = m
    end
  end
  for i = math.floor(n / 2), 1, -1 do sift(i, n) end
  for i = n, 2, -1 do t[1], t[i] = t[i], t[1] sift(1, i - 1) end
  return t
end
local base = data(300, 7)
local ref = copy(base)
table.sort(ref)
local results = {insertion(copy(base)), merge_sort(copy(base)), quick(copy(base)), heap_sort(copy(base))}
for k, r in ipairs(results) do
  local same = #r == #ref
  for i = 1, #ref do if r[i] ~= ref[i] then same = false end end
  print(k, same, r[1], r[150], r[300])
end
print(table.concat(base, ",", 1, 10))
