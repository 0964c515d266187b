-- A numeric for loop with a constant body compiles to one looping trace.
local s = 0
for i = 1, 300 do
  s = s + i
end
print(s)
