-- A while-true loop left with break after 30 iterations, entered several times.
local total = 0
for rep = 1, 4 do
  local i = 0
  while true do
    i = i + 1
    total = total + i
    if i >= 30 then break end
  end
end
print(total)
