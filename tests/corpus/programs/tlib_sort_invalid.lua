-- An inconsistent comparator makes table.sort complain.
local t = {}
for i = 1, 30 do t[i] = i end
print(pcall(table.sort, t, function(a, b) return true end))
local u = {3, 1, 2}
print(pcall(table.sort, u, function(a, b) error("cmp error") end))
local v = {5, 4, 3, 2, 1}
print(pcall(table.sort, v, function(a, b) return a <= b end), table.concat(v, " "))
