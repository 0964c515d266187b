-- print (a C function) called inside a hot loop.
local s = 0
for i = 1, 80 do
  s = s + i
  print(i, s)
end
