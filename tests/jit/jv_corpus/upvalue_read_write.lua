-- Reading and writing upvalues inside a hot loop of a closure.
local count, total = 0, 0
local function step(x)
  count = count + 1
  total = total + x
end
for i = 1, 300 do
  step(i)
end
print(count, total)
