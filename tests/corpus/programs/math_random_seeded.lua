-- math.random after math.randomseed is deterministic in LuaJIT (its own PRNG).
math.randomseed(42)
local a = {}
for i = 1, 8 do a[i] = math.random(1, 100) end
print(table.concat(a, " "))
local f = {}
for i = 1, 4 do f[i] = string.format("%.12f", math.random()) end
print(table.concat(f, " "))
local g = {}
for i = 1, 6 do g[i] = math.random(6) end
print(table.concat(g, " "))
math.randomseed(42)
print(math.random(1, 100) == a[1])
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
print(math.random(5, 5), math.random(1) == 1)
