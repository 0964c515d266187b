-- pairs order after deletions and rehashes, with number keys only.
-- ORDER-DEPENDENT: relies on LuaJIT's exact table layout.
local t = {}
for i = 1, 20 do t[i * 1.5] = i end
for i = 1, 20, 3 do t[i * 1.5] = nil end
for i = 30, 35 do t[i] = i end
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) end
print(table.concat(out, " "))
local s = {}
s[3] = "c" s[1] = "a" s[2] = "b" s[5] = "e" s[100] = "h"
out = {}
for k, v in pairs(s) do out[#out + 1] = k .. v end
print(table.concat(out, " "))
local grow = {}
for i = 1, 40 do grow[i * i] = i end
out = {}
for k in pairs(grow) do out[#out + 1] = k end
print(table.concat(out, " "))
