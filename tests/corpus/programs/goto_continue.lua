-- goto as continue, nested break and retry.
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, ",", j, " ")
  end
  ::next_i::
end
print()
do
  local tries = 0
  ::retry::
  tries = tries + 1
  if tries < 5 then goto retry end
  print("tries", tries)
end
local i = 1
::top::
if i <= 3 then
  io.write("loop", i, " ")
  i = i + 1
  goto top
end
print()
