local s = 0
for i = 1, 200 do s = s - (i ^ 2) + -i end
print(s)
