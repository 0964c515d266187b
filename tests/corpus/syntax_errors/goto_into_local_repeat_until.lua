do
  goto e
  local a = 1
  print(a)
  ::e::
end
repeat
  goto f
  local b = 2
  ::f::
until true
