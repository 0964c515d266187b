-- An outer loop calls a function whose inner loop is long: inner first, then the outer.
local function work(n)
  local s = 0
  for i = 1, n do s = s + i % 3 end
  return s
end
local t = 0
for k = 1, 120 do
  t = t + work(80)
end
print(t)
