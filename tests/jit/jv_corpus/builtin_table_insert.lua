-- table.insert appending in a hot loop.
local t = {}
for i = 1, 300 do
  table.insert(t, i)
end
print(#t, t[150])
