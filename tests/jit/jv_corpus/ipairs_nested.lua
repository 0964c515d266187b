-- ipairs over a short array inside a hot outer loop.
local t = {3, 1, 4, 1, 5}
local s = 0
for r = 1, 150 do
  for _, v in ipairs(t) do
    s = s + v
  end
end
print(s)
