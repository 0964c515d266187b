-- math.fmod, math.pow-like ^ and math.ceil in a hot loop.
local s = 0
for i = 1, 300 do
  s = s + math.fmod(i, 7) + (i % 5) ^ 2 + math.ceil(i / 4)
end
print(s)
