local t = ...
local p = pairs
for k, v in p(t) do print(k, v) end
for k, v in pairs(t), 1 do print(k, v) end
for k, v in t.pairs(t) do print(k, v) end
for k, v, w in pairs(t) do print(k, v, w) end
