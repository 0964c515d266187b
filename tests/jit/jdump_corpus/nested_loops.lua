local s = 0
for i = 1, 30 do
  for j = 1, 30 do s = s + i * j end
end
print(s)
