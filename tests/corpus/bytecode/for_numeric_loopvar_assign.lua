for i = 1, 3 do
  i = i * 2
  print(i)
end
for i = 1, 2 do local i = i + 1 print(i) end
