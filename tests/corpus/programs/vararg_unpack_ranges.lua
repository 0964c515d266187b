-- unpack with ranges, negative and empty ranges.
local t = {"a", "b", "c", "d", "e"}
print(unpack(t))
print(unpack(t, 2))
print(unpack(t, 2, 3))
print(unpack(t, 4, 10))
print(unpack(t, -1, 1))
print(select("#", unpack(t, 3, 2)), select("#", unpack({}, 1, 0)))
print(unpack({1, 2, nil, 4}, 1, 4))
print(unpack({n = 3}, 1, 3))
print(pcall(unpack, t, 1, 1e8))
print(pcall(unpack, nil))
print(unpack({1, 2, 3}, "2", "3"))
local big = {}
for i = 1, 250 do big[i] = i end
print(select("#", unpack(big)), (select(250, unpack(big))))
