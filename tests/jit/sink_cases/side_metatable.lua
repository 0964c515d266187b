-- A side trace replays a sunk table with its metatable (FREF tab.meta).
local mt = {__index = function(t, k) return 1 end}
local s, out = 0, 0
for i = 1, 300 do
  local o = setmetatable({v = i}, mt)
  if i > 150 then out = out + o.v + o.w end
  s = s + o.v
end
print(s, out)
