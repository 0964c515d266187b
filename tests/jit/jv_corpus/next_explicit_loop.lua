-- A while loop driven by explicit next() calls.
local t = {}
for i = 1, 200 do t[i] = i * 2 end
local s = 0
local k, v = next(t)
while k do
  s = s + v
  k, v = next(t, k)
end
print(s)
