local t = ...
for k, v in pairs(t) do
  for i, x in ipairs(v) do
    for k2 in pairs(x) do print(k, i, k2) end
  end
end
