-- table.concat of a small table in a hot loop.
local parts = {"a", "b", "c"}
local n = 0
for i = 1, 300 do
  n = n + #table.concat(parts, ",")
end
print(n)
