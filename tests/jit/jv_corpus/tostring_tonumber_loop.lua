-- tostring and tonumber in a hot loop.
local s = 0
for i = 1, 300 do
  local str = tostring(i)
  s = s + tonumber(str) + #str
end
print(s)
