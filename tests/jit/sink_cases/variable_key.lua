-- A store with a non-constant key keeps the table (and its NEWREFs).
local s = 0
for i = 1, 100 do
  local t = {}
  t[i] = 1
  t.n = i
  s = s + t[i] + t.n
end
print(s)
