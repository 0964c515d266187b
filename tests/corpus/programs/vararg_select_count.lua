-- select('#') counts trailing nils; select(n) returns the tail.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil), count(nil, nil, nil, nil, nil))
print(select(2, "a", "b", "c"), select(3, "a", "b", "c"), select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, "x"))
print(select("2", "p", "q"), select(2.7, "p", "q", "r"))
local function last(...) local n = select("#", ...) if n == 0 then return end return (select(n, ...)) end
print(last(1, 2, 3), last(), last(nil), last(1, nil))
