-- unpack with ranges, and varargs captured in tables.
print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 5))
print(unpack({}, 1, 0), select("#", unpack({}, 1, 0)))
print(unpack({"a", "b"}, -1, 1))
local function pack(...) return {n = select("#", ...), ...} end
local p = pack(nil, 2, nil)
print(p.n, p[1], p[2], p[3])
print(pcall(unpack, {}, 1, 1e8))
print(pcall(unpack))
