-- pairs over an array-like table: ITERN loop.
local t = {}
for i = 1, 200 do t[i] = i end
local s = 0
for k, v in pairs(t) do
  s = s + k + v
end
print(s)
