-- An LRU cache with a fixed capacity and eviction log.
local LRU = {}
LRU.__index = LRU
function LRU.new(cap) return setmetatable({cap = cap, map = {}, order = {}, evicted = {}}, LRU) end
function LRU:touch(k)
  for i, key in ipairs(self.order) do if key == k then table.remove(self.order, i) break end end
  table.insert(self.order, k)
end
function LRU:get(k)
  local v = self.map[k]
  if v ~= nil then self:touch(k) end
  return v
end
function LRU:put(k, v)
  if self.map[k] == nil and #self.order >= self.cap then
    local old = table.remove(self.order, 1)
    self.map[old] = nil
    self.evicted[#self.evicted + 1] = old
  end
  self.map[k] = v
  self:touch(k)
end
local c = LRU.new(3)
c:put("a", 1) c:put("b", 2) c:put("c", 3)
print(c:get("a"), c:get("b"))
c:put("d", 4)
print(c:get("c"), c:get("d"), table.concat(c.order, ""))
c:put("e", 5) c:put("a", 10)
print(c:get("a"), table.concat(c.order, ""), table.concat(c.evicted, ","))
for i = 1, 20 do c:put(i % 5, i) end
print(table.concat(c.order, ","), table.concat(c.evicted, ","))
