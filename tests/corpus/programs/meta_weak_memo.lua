-- A weak-keyed memo table keeps results while the keys live.
local memo = setmetatable({}, {__mode = "k"})
local computed = 0
local function area(r)
  local v = memo[r]
  if v == nil then
    computed = computed + 1
    v = r.w * r.h
    memo[r] = v
  end
  return v
end
local rects = {}
for i = 1, 5 do rects[i] = {w = i, h = i + 1} end
local total = 0
for round = 1, 3 do
  for i = 1, 5 do total = total + area(rects[i]) end
end
print(total, computed)
for i = 1, 3 do rects[i] = nil end
collectgarbage()
local left = 0
for _ in pairs(memo) do left = left + 1 end
print(left)
