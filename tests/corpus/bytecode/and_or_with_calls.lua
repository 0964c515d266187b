local function f(x) return x end
local a = ...
local x = f(a) and f(1) or f(2)
local y = a or f(3)
if f(a) or f(4) then print(1) end
return x, y
