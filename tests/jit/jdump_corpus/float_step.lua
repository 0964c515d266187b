local s = 0
for x = 0, 50, 0.25 do s = s + x end
print(s)
