-- Recorded math builtins: floor, sqrt, abs, min, max.
local s = 0
for i = 1, 300 do
  s = s + math.floor(i / 3) + math.sqrt(i) + math.abs(5 - i)
  s = s + math.min(i, 100) + math.max(i, 200)
end
print(string.format("%.6f", s))
