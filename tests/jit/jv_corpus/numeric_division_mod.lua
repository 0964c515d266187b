-- Division and modulo producing non-integer values.
local s = 0
for i = 1, 300 do
  s = s + i / 4 + (i % 7) / 3 - (-i) % 5
end
print(s)
