local fs = {}
for i = 1, 10 do
  local x = i
  fs[i] = function() return x end
  if i == 5 then break end
end
while true do
  local y = 1
  local g = function() return y end
  if g() then break end
end
return fs
