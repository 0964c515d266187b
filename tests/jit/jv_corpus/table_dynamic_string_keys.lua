-- Variable string keys looked up in the hash part.
local keys = {"a", "b", "c", "d"}
local t = {a = 0, b = 0, c = 0, d = 0}
for i = 1, 300 do
  local k = keys[i % 4 + 1]
  t[k] = t[k] + i
end
print(t.a, t.b, t.c, t.d)
