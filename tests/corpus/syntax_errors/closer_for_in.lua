for k in pairs(t) do
  print(k)
