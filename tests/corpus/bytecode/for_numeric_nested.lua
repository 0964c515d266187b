local s = 0
for i = 1, 3 do
  for j = i, 3 do
    for k = 1, j do
      s = s + i * j * k
    end
  end
end
return s
