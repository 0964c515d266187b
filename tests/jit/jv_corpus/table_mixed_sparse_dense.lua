-- A non-integer numeric key on a table with an array part.
local t = {1, 2, 3}
local s = 0
for i = 1, 300 do
  t[i + 0.5] = i
  s = s + t[i + 0.5]
end
print(s)
