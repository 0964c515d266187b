-- unpack of a small table in a hot loop.
local t = {1, 2, 3}
local s = 0
for i = 1, 300 do
  local a, b, c = unpack(t)
  s = s + a + b + c
end
print(s)
