for i = 1, 10 do end
for i = 10, 1 do end
local x = 0
for i = 1, 0 do x = x + 1 end
return x
