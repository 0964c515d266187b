local x = 1
for i = 1, 200 do x = x * 3 - 2 * x end
print(x)
