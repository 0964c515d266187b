-- A loop of exactly 57 iterations records its last iteration and leaves the loop.
local s = 0
for i = 1, 57 do
  s = s + i
end
print(s)
local t = 0
for i = 1, 58 do
  t = t + i
end
print(t)
