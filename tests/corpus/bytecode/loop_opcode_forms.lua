local t = ...
while t.more do t:step() end
repeat local x = t:next() until not x
for i = 1, #t do t[i] = i end
for k in pairs(t) do t[k] = nil end
