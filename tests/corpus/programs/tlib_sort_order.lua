-- Sorting with many equal keys: the resulting order of equal elements follows
-- LuaJIT's quicksort exactly.
local items = {}
for i = 1, 40 do items[i] = {key = (i * 7) % 5, id = i} end
table.sort(items, function(a, b) return a.key < b.key end)
local out = {}
for i, it in ipairs(items) do out[i] = it.key .. ":" .. it.id end
print(table.concat(out, " "))
local calls = 0
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(calls, t[1], t[50], t[100])
