-- Numeric keys far outside the array part go to the hash part.
local t = {}
local s = 0
for i = 1, 300 do
  t[i * 4096] = i
  s = s + t[i * 4096]
end
print(s)
