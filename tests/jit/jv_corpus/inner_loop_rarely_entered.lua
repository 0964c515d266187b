-- An outer while loop that is hot long before its rarely entered inner loop.
local s, i = 0, 0
while i < 400 do
  i = i + 1
  if i % 100 == 0 then
    for j = 1, 70 do s = s + j end
  end
  s = s + 1
end
print(s)
