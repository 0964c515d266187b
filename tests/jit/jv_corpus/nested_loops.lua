-- Nested loops: the inner loop compiles first, the outer loop attaches as a side trace.
local s = 0
for i = 1, 30 do
  for j = 1, 30 do
    s = s + i * j
  end
end
print(s)
