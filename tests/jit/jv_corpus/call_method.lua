-- Method calls on an object table.
local Acc = {}
Acc.__index = Acc
function Acc:add(x) self.n = self.n + x end
local a = setmetatable({n = 0}, Acc)
for i = 1, 300 do
  a:add(i)
end
print(a.n)
