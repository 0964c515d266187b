do
  goto skip
  local y = 2
  ::skip::
  y = 3
end
