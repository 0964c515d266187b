-- table.concat with separators, ranges and numbers.
local t = {1, 2, "three", 4.5, -0}
print(table.concat(t), table.concat(t, ", "), table.concat(t, "-", 2, 4))
print(table.concat({}, "x"), table.concat(t, "x", 3, 2), table.concat(t, "", 5, 5))
print(table.concat({"a"}, ", "), table.concat({1e100, 1/3}, " "))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ",", 1, 5))
print(pcall(table.concat, {true}))
print(pcall(table.concat, {1, 2}, {}))
print(table.concat({1, 2, 3}, 0), table.concat({"x", "y"}, 12.5))
local parts = {}
for i = 1, 50 do parts[i] = i % 10 end
print(table.concat(parts))
