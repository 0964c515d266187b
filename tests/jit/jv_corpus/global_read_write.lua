-- Global reads and writes inside a hot loop.
counter = 0
limit = 250
for i = 1, 300 do
  if i <= limit then counter = counter + 1 end
end
print(counter)
