local s = 0
for i = 1, 300 do
  if i > 1000 then s = s - 1 else s = s + 2 end
end
print(s)
