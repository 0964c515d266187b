-- error level 2 blames the caller of a method.
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({n = 0}, Stack) end
function Stack:pop()
  if self.n == 0 then error("pop from empty stack", 2) end
  local v = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  return v
end
function Stack:push(v)
  if v == nil then error("cannot push nil") end
  self.n = self.n + 1
  self[self.n] = v
end
local s = Stack.new()
s:push(1)
print(s:pop())
print(pcall(s.pop, s))
print(pcall(function() return s:pop() end))
print(pcall(s.push, s))
print(pcall(Stack.pop, {n = 0}))
