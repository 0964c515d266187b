-- The length operator on arrays with holes, as LuaJIT computes it.
local function len(t) return #t end
print(len({}), len({1}), len({1, 2, 3}), len({nil}), len({nil, 2}), len({1, nil, 3}))
print(len({1, 2, nil}), len({1, nil}), len({nil, nil, 3}), len({1, 2, 3, nil, 5}))
local t = {1, 2, 3, 4, 5, 6, 7, 8}
t[8] = nil
print(#t)
t[4] = nil
print(#t)
t[7] = nil
print(#t)
local u = {}
for i = 1, 10 do u[i] = i end
u[5] = nil
print(#u)
u[10] = nil
print(#u)
local v = {}
v[1] = 1 v[2] = 2 v[4] = 4
print(#v)
local w = {}
w[2] = 2
print(#w)
w[1] = 1
print(#w)
local x = {n = 1, 1, 2}
x[3] = 3
x[5] = 5
print(#x)
local grow = {}
for i = 1, 100 do grow[i] = true end
for i = 100, 51, -1 do grow[i] = nil end
print(#grow)
