total = 0
for i = 1, 300 do total = total + i end
print(total)
