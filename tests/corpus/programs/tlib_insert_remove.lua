-- table.insert and table.remove at every position.
local t = {}
table.insert(t, "a")
table.insert(t, "c")
table.insert(t, 2, "b")
table.insert(t, 1, "start")
table.insert(t, #t + 1, "end")
print(table.concat(t, " "), #t)
print(table.remove(t), table.remove(t, 1), table.concat(t, " "))
print(table.remove(t, 2), table.concat(t, " "))
print(table.remove({}), table.remove({}, 1), #t)
local e = {}
print(table.remove(e, 0), table.remove(e, #e))
print(pcall(table.insert, t, 10, "x"))
print(pcall(table.insert, t, 0, "x"))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, t))
local big = {}
for i = 1, 20 do table.insert(big, 1, i) end
print(table.concat(big, ","))
while #big > 15 do table.remove(big, 3) end
print(table.concat(big, ","))
local holes = {1, 2, nil, 4}
print(#holes, table.remove(holes), #holes)
