for i = 1, 10 do
  while true do
    if i > 5 then break end
    repeat
      if i == 2 then break end
    until true
    break
  end
  if i == 8 then break end
end
