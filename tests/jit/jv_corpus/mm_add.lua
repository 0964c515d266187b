-- Arithmetic metamethod __add on vector-like tables.
local V = {}
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
local acc = setmetatable({x = 0}, V)
local one = setmetatable({x = 1}, V)
for i = 1, 300 do
  acc = acc + one
end
print(acc.x)
