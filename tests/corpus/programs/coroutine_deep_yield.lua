-- Yielding from deep inside recursion and resuming to completion.
local function walk(depth, max)
  if depth == max then coroutine.yield("bottom", depth) return depth end
  local r = walk(depth + 1, max)
  if depth % 50 == 0 then coroutine.yield("unwinding", depth) end
  return r + 1
end
local co = coroutine.create(function() return walk(0, 200) end)
local events = {}
while true do
  local ok, a, b = coroutine.resume(co)
  if not ok then print("error", a) break end
  if coroutine.status(co) == "dead" then print("result", a) break end
  events[#events + 1] = a .. ":" .. b
end
print(table.concat(events, " "))
