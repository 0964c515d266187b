-- string.find with a plain pattern in a hot loop.
local hay = "abc,def,ghi,jkl"
local s = 0
for i = 1, 300 do
  local p = string.find(hay, ",", i % 8 + 1, true)
  s = s + (p or 0)
end
print(s)
