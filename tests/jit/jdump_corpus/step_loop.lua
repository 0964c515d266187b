local s = 0
for i = 300, 1, -3 do s = s + i end
print(s)
