-- Returning through frames of the same function: a down-recursion trace, whose
-- RETF guards name the prototype returned to; it runs until a return leaves it.
local function sum(n)
  if n == 0 then return 0 end
  return n + sum(n - 1)
end
local s = 0
for k = 1, 30 do s = s + sum(60) end
print(s)
