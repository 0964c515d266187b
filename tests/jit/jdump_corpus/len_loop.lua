local t = {1, 2, 3, 4, 5}
local s = 0
for i = 1, 300 do s = s + #t end
print(s)
