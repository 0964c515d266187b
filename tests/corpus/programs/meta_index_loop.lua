-- Endless __index / __newindex chains are detected.
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
print(pcall(function() return a.x end))
local c, d = {}, {}
setmetatable(c, {__newindex = d})
setmetatable(d, {__newindex = c})
print(pcall(function() c.x = 1 end))
local self = {}
setmetatable(self, {__index = self})
print(pcall(function() return self.y end))
local deep = {}
local cur = deep
for i = 1, 90 do
  local nxt = {}
  setmetatable(cur, {__index = nxt})
  cur = nxt
end
cur.found = "bottom"
print(pcall(function() return deep.found end))
