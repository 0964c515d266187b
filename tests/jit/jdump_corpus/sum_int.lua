local s = 0
for i = 1, 200 do s = s + i end
print(s)
