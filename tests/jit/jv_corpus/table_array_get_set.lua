-- Array part reads and writes in a hot loop.
local t = {}
for i = 1, 300 do t[i] = i end
local s = 0
for i = 1, 300 do
  t[i] = t[i] * 2
  s = s + t[i]
end
print(s)
