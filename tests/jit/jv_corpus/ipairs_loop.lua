-- ipairs over an array.
local t = {}
for i = 1, 250 do t[i] = i % 11 end
local s = 0
for i, v in ipairs(t) do
  s = s + i * v
end
print(s)
