local t = ...
for k, v in pairs(t) do print(k, v) end
for k in pairs(t) do print(k) end
for k, v in next, t do print(k, v) end
for k, v in next, t, nil do print(k, v) end
