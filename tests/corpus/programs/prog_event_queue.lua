-- A discrete event simulation with a binary-heap priority queue.
local Heap = {}
Heap.__index = Heap
function Heap.new() return setmetatable({n = 0, seq = 0}, Heap) end
local function less(a, b) return a.time < b.time or (a.time == b.time and a.seq < b.seq) end
function Heap:push(item)
  self.seq = self.seq + 1
  item.seq = self.seq
  self.n = self.n + 1
  local i = self.n
  self[i] = item
  while i > 1 do
    local p = math.floor(i / 2)
    if less(self[i], self[p]) then self[i], self[p] = self[p], self[i] i = p else break end
  end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local top = self[1]
  self[1] = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= self.n and less(self[l], self[m]) then m = l end
    if r <= self.n and less(self[r], self[m]) then m = r end
    if m == i then break end
    self[i], self[m] = self[m], self[i]
    i = m
  end
  return top
end
local q = Heap.new()
local log = {}
local function schedule(time, name, action) q:push({time = time, name = name, action = action}) end
schedule(5, "tick", function(t) if t < 20 then schedule(t + 5, "tick", nil) end end)
schedule(3, "alarm", nil)
schedule(5, "same-time", nil)
schedule(12, "spawn", function(t) schedule(t + 1, "child", nil) schedule(t, "immediate", nil) end)
while true do
  local ev = q:pop()
  if not ev then break end
  log[#log + 1] = ev.time .. ":" .. ev.name
  if ev.name == "tick" and ev.time < 20 then schedule(ev.time + 5, "tick", nil) end
  if ev.action and ev.name ~= "tick" then ev.action(ev.time) end
end
print(table.concat(log, " "))
