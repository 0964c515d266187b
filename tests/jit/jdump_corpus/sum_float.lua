local s = 0.5
for i = 1, 200 do s = s + i * 0.25 end
print(s)
