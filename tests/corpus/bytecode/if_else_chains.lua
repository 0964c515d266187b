local a = ...
if a == 1 then
  print("one")
elseif a == 2 then
  print("two")
elseif a == 3 then
  print("three")
else
  print("other")
end
if a then print(1) else print(2) end
if a then end
if a then else print(3) end
