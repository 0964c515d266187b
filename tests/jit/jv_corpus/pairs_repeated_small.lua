-- pairs over a small table, repeated many times from an outer loop.
local t = {a = 1, b = 2, c = 3, d = 4}
local s = 0
for i = 1, 200 do
  for k, v in pairs(t) do
    s = s + v
  end
end
print(s)
