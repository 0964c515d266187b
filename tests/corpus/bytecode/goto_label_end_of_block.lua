do
  goto e
  local a = 1
  print(a)
  ::e::
end
while true do
  goto f
  local b = 2
  print(b)
  ::f::
end
