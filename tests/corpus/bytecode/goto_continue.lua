for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  print(i)
  ::continue::
end
local j = 0
while j < 5 do
  j = j + 1
  if j == 3 then goto next end
  print(j)
  ::next::
end
