-- Comparison metamethods __eq and __lt.
local mt = {}
mt.__eq = function(a, b) return a.v == b.v end
mt.__lt = function(a, b) return a.v < b.v end
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
local c = setmetatable({v = 2}, mt)
local n = 0
for i = 1, 300 do
  if a == b then n = n + 1 end
  if a < c then n = n + 2 end
end
print(n)
