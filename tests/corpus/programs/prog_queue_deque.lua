-- A double-ended queue with index arithmetic, used for a breadth-first search.
local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({first = 0, last = -1}, Deque) end
function Deque:push_back(v) self.last = self.last + 1 self[self.last] = v end
function Deque:push_front(v) self.first = self.first - 1 self[self.first] = v end
function Deque:pop_front()
  if self.first > self.last then return nil end
  local v = self[self.first] self[self.first] = nil self.first = self.first + 1 return v
end
function Deque:pop_back()
  if self.first > self.last then return nil end
  local v = self[self.last] self[self.last] = nil self.last = self.last - 1 return v
end
function Deque:size() return self.last - self.first + 1 end
local d = Deque.new()
for i = 1, 5 do d:push_back(i) d:push_front(-i) end
print(d:size(), d:pop_front(), d:pop_back(), d:pop_front(), d:size())
local grid = {
  "S.#.....",
  ".##.###.",
  "....#...",
  ".##...#E",
}
local function bfs()
  local q = Deque.new()
  local dist = {}
  q:push_back({1, 1})
  dist["1,1"] = 0
  while q:size() > 0 do
    local p = q:pop_front()
    local r, c = p[1], p[2]
    if grid[r]:sub(c, c) == "E" then return dist[r .. "," .. c] end
    for _, dlt in ipairs({{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) do
      local nr, nc = r + dlt[1], c + dlt[2]
      local row = grid[nr]
      local key = nr .. "," .. nc
      if row and nc >= 1 and nc <= #row and row:sub(nc, nc) ~= "#" and not dist[key] then
        dist[key] = dist[r .. "," .. c] + 1
        q:push_back({nr, nc})
      end
    end
  end
end
print(bfs())
