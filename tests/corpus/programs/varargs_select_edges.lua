-- Varargs: select, #, holes and adjustments.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(select(5, "a", "b"))
local function pass(...) return ... end
print(pass(1, nil, 3))
print((pass(1, 2, 3)))
local t = {pass(1, 2), pass(3, 4)}
print(#t, t[1], t[2], t[3])
local function tail(...) local a, b = ... return b, a end
print(tail("x", "y", "z"))
print(pcall(select))
