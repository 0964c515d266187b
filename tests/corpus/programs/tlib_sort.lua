-- table.sort with the default order and with comparators.
local nums = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return a > b end)
print(table.concat(nums, " "))
local words = {"pear", "Apple", "fig", "banana", "cherry", "date"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))
local recs = {{n = "x", v = 3}, {n = "y", v = 1}, {n = "z", v = 2}}
table.sort(recs, function(a, b) return a.v < b.v end)
for _, r in ipairs(recs) do io.write(r.n, r.v, " ") end
print()
local empty, one = {}, {42}
table.sort(empty) table.sort(one)
print(#empty, one[1])
print(pcall(table.sort, {1, "a", 2}))
print(pcall(table.sort, {{}, {}}))
local floats = {3.5, -1, 1e10, -1e-10, 0, 2.25}
table.sort(floats)
print(table.concat(floats, " "))
