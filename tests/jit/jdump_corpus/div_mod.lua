local s = 0
for i = 1, 200 do s = s + (i % 7) / 3 end
print(s)
