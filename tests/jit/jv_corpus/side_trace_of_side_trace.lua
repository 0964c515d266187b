-- A side trace with its own hot branch gets a side trace of its own.
local a, b, c = 0, 0, 0
for i = 1, 600 do
  if i % 2 == 0 then
    if i % 3 == 0 then a = a + 1 else b = b + 1 end
  else
    c = c + 1
  end
end
print(a, b, c)
