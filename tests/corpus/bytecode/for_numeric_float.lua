for i = 0.5, 2.5, 0.5 do print(i) end
for i = 1, 1e10, 1e9 do print(i) end
for i = 1, math.huge do break end
