-- A tail-recursive function acting as a loop: tail-recursion link.
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + n)
end
print(count(500, 0))
