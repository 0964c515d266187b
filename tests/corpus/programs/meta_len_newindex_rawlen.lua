-- __len on tables is ignored by LuaJIT 2.1 (5.1 semantics); __newindex sees only new keys.
local t = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#t)
local seen = {}
local w = setmetatable({existing = 1}, {__newindex = function(t, k, v) seen[#seen + 1] = k; rawset(t, k, v) end})
w.existing = 2
w.fresh = 3
w.fresh = 4
print(table.concat(seen, ","), w.existing, w.fresh)
local ud = newproxy(true)
getmetatable(ud).__len = function() return 7 end
print(#ud)
print(pcall(function() return #newproxy(false) end))
