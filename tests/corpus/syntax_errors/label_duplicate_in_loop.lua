for i = 1, 2 do
  ::x::
  local y = i
  ::x::
end
