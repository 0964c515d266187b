-- A condition that flips for good late in the loop: the exit becomes hot.
local s = 0
for i = 1, 400 do
  if i < 150 then
    s = s + 1
  else
    s = s + 2
  end
end
print(s)
