local t = {}
for i = 1, 300 do t[i] = i * 2 end
print(#t, t[300])
