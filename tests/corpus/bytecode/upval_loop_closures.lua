local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
for k, v in pairs({a = 1}) do fs[k] = function() return v end end
local j = 0
while j < 3 do
  j = j + 1
  local c = j
  fs[#fs + 1] = function() return c end
end
return fs
