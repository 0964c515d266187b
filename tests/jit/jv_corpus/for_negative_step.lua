-- A for loop counting down with a negative step.
local s = 0
for i = 300, 1, -1 do
  s = s + i * 2
end
print(s)
