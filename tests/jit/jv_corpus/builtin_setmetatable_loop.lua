-- setmetatable and getmetatable in a hot loop.
local mt = {}
local c = 0
for i = 1, 300 do
  local o = setmetatable({}, mt)
  if getmetatable(o) == mt then c = c + 1 end
end
print(c)
