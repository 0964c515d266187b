-- Building a list of strings, then joining it once.
local parts = {}
for i = 1, 300 do
  parts[i] = tostring(i % 10)
end
local s = table.concat(parts)
print(#s, s:sub(1, 12))
