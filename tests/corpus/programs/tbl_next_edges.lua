-- next: empty tables, the last key, and invalid keys.
print(next({}))
print(next({10}))
print(next({10}, 1))
print(next({a = 1}, "a"))
print(pcall(next, {}, "missing"))
print(pcall(next, {1, 2}, 3))
print(pcall(next))
print(pcall(next, nil))
local t = {1, 2, 3}
local k, v = next(t)
local seen = 0
while k do seen = seen + v k, v = next(t, k) end
print(seen)
print(type(next), next == pairs({}))
