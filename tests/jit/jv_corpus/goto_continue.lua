-- The "goto continue" idiom inside a for loop.
local s = 0
for i = 1, 300 do
  if i % 5 == 0 then goto continue end
  s = s + i
  ::continue::
end
print(s)
