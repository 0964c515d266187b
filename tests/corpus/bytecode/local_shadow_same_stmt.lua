local x = 1
local x = x + 1
local a, a = 1, 2
local function f() return f end
local g = function() return g end
do local x = x * 2 print(x) end
for x = x, 10 do print(x) end
for x in pairs({x}) do print(x) end
return x, a, f, g
