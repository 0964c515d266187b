-- math.random after a fixed seed in a hot loop.
math.randomseed(42)
local s = 0
for i = 1, 300 do
  s = s + math.random(1, 6)
end
print(s >= 300 and s <= 1800)
