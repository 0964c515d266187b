local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
for k, v in pairs(fs) do fs[k] = function() return k, v end end
local j = 0
while j < 3 do
  local x = j
  fs[#fs + 1] = function() return x end
  if x == 2 then break end
  j = j + 1
end
repeat
  local y = j
  fs[#fs + 1] = function() return y end
until y > 0
for i = 1, 3 do
  local z = i
  if z == 2 then goto continue end
  fs[#fs + 1] = function() return z end
  ::continue::
end
return fs
