local str = "hello world"
local s = 0
for i = 1, 300 do s = s + #str end
print(s)
