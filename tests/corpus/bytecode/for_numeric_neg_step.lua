local n = ...
for i = n, 1, -1 do print(i) end
for i = 0, -10, -2.5 do print(i) end
for i = n, -n, -n do print(i) end
