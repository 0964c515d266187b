local fs = {}
do
  local x = 1
  fs[1] = function() return x end
end
do
  local y = 2
  local z = 3
  fs[2] = function() return y + z end
  y = 4
end
for i = 1, 3 do
  fs[i + 2] = function() return i end
end
return fs
