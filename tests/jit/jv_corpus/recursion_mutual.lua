-- Mutual tail recursion between two functions, entered from a loop.
local iseven, isodd
function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
local c = 0
for i = 1, 100 do
  if iseven(300 + i % 2) then c = c + 1 end
end
print(c)
