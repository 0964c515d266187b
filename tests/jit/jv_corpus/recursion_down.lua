-- Returning through frames of the same function from a hot base case: down-recursion.
local function sum(n)
  if n == 0 then return 0 end
  return n + sum(n - 1)
end
local s = 0
for k = 1, 30 do s = s + sum(60) end
print(s)
