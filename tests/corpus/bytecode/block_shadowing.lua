local x = 1
local x = x + 1
local function f(x) local x = x or 1 return x end
for x = x, 10 do local x = x print(x) end
return x, f
