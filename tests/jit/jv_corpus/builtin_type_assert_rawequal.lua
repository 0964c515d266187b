-- type, assert and rawequal in a hot loop.
local t = {}
local c = 0
for i = 1, 300 do
  if type(i) == "number" then c = c + 1 end
  assert(i > 0)
  if rawequal(t, t) then c = c + 1 end
end
print(c)
