-- pairs order (LuaJIT's order for this insertion sequence): array part first, then hash.
-- ORDER-DEPENDENT: relies on LuaJIT's exact table layout. Only number and boolean keys:
-- string hashes are seeded per process in this LuaJIT, so their order is not stable.
local t = {10, 20, 30, [100] = "h", [-1] = "m"}
t[4] = 40
t[7.5] = "f"
t[true] = "b"
local out = {}
for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
print(table.concat(out, " "))
local u = {}
for i = 1, 8 do u[i] = i end
for k in pairs(u) do io.write(k, " ") end
print()
