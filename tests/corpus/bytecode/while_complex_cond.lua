local a, b = ...
while a < b and b > 0 or a == 5 do
  a = a + 1
end
while not a do a = b end
while a ~= nil and a.next do a = a.next end
