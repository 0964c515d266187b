-- Calling a table through its __call metamethod.
local callable = setmetatable({k = 3}, {__call = function(self, x) return self.k * x end})
local s = 0
for i = 1, 300 do
  s = s + callable(i)
end
print(s)
