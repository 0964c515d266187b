-- table.maxn, getn, foreach, foreachi and unpack-related helpers.
local t = {1, 2, 3, [10] = 10, [2.5] = "f", x = "x"}
print(table.maxn(t), table.maxn({}), table.maxn({[-5] = 1}), table.maxn({[1e10] = 1}))
print(table.getn({1, 2, 3}), table.getn({}))
local keys = {}
table.foreachi({"a", "b", "c"}, function(i, v) keys[#keys + 1] = i .. v end)
print(table.concat(keys, ","))
print(table.foreachi({"a", "b"}, function(i, v) if i == 2 then return "stopped at " .. v end end))
local n = 0
table.foreach({x = 1, y = 2, z = 3}, function(k, v) n = n + v end)
print(n)
print(table.foreach({5}, function(k, v) return k, v end))
print(type(table.move), table.move and table.concat(table.move({1, 2, 3}, 1, 3, 2), ","))
print(table.move and table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), ","))
print(pcall(table.maxn, nil))
