-- pairs order over number keys in the hash part (LuaJIT's number hash).
-- ORDER-DEPENDENT: relies on LuaJIT's number hashing and node layout.
local t = {}
for _, k in ipairs({1000, 3.5, -7, 2^40, 0.125, 77, -0.5, 1e10, 12, 99999}) do t[k] = true end
local out = {}
for k in pairs(t) do out[#out + 1] = tostring(k) end
print(table.concat(out, " "))
t[77] = nil
t[5] = true
out = {}
for k in pairs(t) do out[#out + 1] = tostring(k) end
print(table.concat(out, " "))
local b = {[false] = 0, [true] = 1, [2.5] = 2}
out = {}
for k in pairs(b) do out[#out + 1] = tostring(k) end
print(table.concat(out, " "))
