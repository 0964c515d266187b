-- Tables grow through array and hash parts.
local t = {}
for i = 1, 5000 do t[i] = i * 2 end
print(#t, t[1], t[2500], t[5000])
local h = {}
for i = 1, 3000 do h["key" .. i] = i end
local n = 0
for _ in pairs(h) do n = n + 1 end
print(n, h.key1, h.key3000)
for i = 1, 3000, 2 do h["key" .. i] = nil end
n = 0
for _ in pairs(h) do n = n + 1 end
print(n)
local sparse = {}
for i = 1, 1000 do sparse[i * i] = i end
local sum = 0
for k, v in pairs(sparse) do sum = sum + v end
print(sum, sparse[1000000])
local rev = {}
for i = 1000, 1, -1 do rev[i] = i end
print(#rev)
