local n = 0
::again::
do
  local x = n
  n = n + 1
  if x < 3 then goto again end
end
print(n)
