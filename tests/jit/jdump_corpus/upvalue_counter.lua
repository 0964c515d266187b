local n = 0
local function inc() n = n + 1 end
for i = 1, 300 do inc() end
print(n)
