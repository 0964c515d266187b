-- Proper tail calls do not grow the stack.
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(100000, 0))
local even, odd
function even(n) if n == 0 then return "even" end return odd(n - 1) end
function odd(n) if n == 0 then return "odd" end return even(n - 1) end
print(even(50001), odd(50001))
local obj = {n = 0}
function obj:step(k) if k == 0 then return self.n end self.n = self.n + 2 return self:step(k - 1) end
print(obj:step(30000))
local function nontail(n) if n == 0 then return 0 end return 1 + nontail(n - 1) end
print(nontail(5000))
