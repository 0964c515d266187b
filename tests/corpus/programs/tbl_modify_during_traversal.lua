-- Assigning to existing fields or clearing them during traversal is allowed.
local t = {}
for i = 1, 10 do t[i] = i end
for k, v in pairs(t) do t[k] = v * 2 end
local s = 0
for _, v in pairs(t) do s = s + v end
print(s)
for k in pairs(t) do if k % 2 == 0 then t[k] = nil end end
local c = 0
for _ in pairs(t) do c = c + 1 end
print(c, t[2], t[3])
local h = {a = 1, b = 2, c = 3, d = 4}
for k in pairs(h) do h[k] = nil end
print(next(h))
