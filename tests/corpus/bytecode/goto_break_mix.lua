for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    if i == 3 then break end
    print(i, j)
  end
  ::next_i::
end
