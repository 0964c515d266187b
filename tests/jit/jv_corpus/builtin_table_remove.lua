-- table.remove (a Lua builtin in LuaJIT) in a hot loop.
local t = {}
for i = 1, 400 do t[i] = i end
local s = 0
for i = 1, 300 do
  s = s + table.remove(t)
end
print(s, #t)
