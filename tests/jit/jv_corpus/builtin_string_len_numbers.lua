-- string.len is Lua bytecode in LuaJIT 2.1 (CHECK_str: ISTYPE with string coercion):
-- numbers are converted with TOSTR, the function itself becomes a hot "return" trace.
local s = 0
for i = 1, 100 do s = s + string.len(i) + string.len(i * 0.5) end
print(s)
print(pcall(string.len, {}))
