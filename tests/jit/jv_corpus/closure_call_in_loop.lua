-- Calling a closure created outside the loop is fine.
local function mk(k) return function(x) return x * k end end
local f = mk(3)
local s = 0
for i = 1, 300 do
  s = s + f(i)
end
print(s)
