-- Reference cycles are collected; weak tables observe it.
local watch = setmetatable({}, {__mode = "k"})
local function make_cycle(tag)
  local a, b = {tag = tag}, {tag = tag}
  a.other, b.other = b, a
  watch[a] = tag
  return tag
end
for i = 1, 5 do make_cycle("c" .. i) end
local held = {}
held.self = held
watch[held] = "held"
collectgarbage()
collectgarbage()
local left = {}
for k, v in pairs(watch) do left[#left + 1] = v end
table.sort(left)
print(#left, table.concat(left, ","))
local co = coroutine.create(function() local big = {} for i = 1, 100 do big[i] = {i} end coroutine.yield(#big) end)
print(coroutine.resume(co))
watch[co] = "thread"
co = nil
collectgarbage()
local n = 0
for _ in pairs(watch) do n = n + 1 end
print(n)
