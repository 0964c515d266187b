local a, b = 0, 1
for i = 1, 70 do a, b = b, a + b end
print(a)
