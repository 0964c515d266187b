local a, b, c = ...
for i = a, b do print(i) end
for i = a, b, c do print(i) end
for i = a + 1, b * 2, c or 1 do print(i) end
for i = #a, 1, -1 do print(a[i]) end
