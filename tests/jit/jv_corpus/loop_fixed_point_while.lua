-- A while loop with a floating-point condition (Collatz-style step counting).
local steps = 0
for n = 1, 60 do
  local x = n
  while x ~= 1 do
    if x % 2 == 0 then x = x / 2 else x = 3 * x + 1 end
    steps = steps + 1
  end
end
print(steps)
