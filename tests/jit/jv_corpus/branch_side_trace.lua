-- A branch taken on every other iteration becomes a hot side trace.
local a, b = 0, 0
for i = 1, 300 do
  if i % 2 == 0 then
    a = a + i
  else
    b = b + 1
  end
end
print(a, b)
