-- __unm and __len; LuaJIT 2.1 (without 5.2 compat) ignores __len for tables.
local mt = {__unm = function(a) return "neg" .. a.n end, __len = function() return 99 end}
local t = setmetatable({n = 5, 1, 2, 3}, mt)
print(-t, #t, rawlen)
local u = newproxy(true)
getmetatable(u).__len = function(self, other) return 42, type(self), other end
print(#u)
local u2 = newproxy(true)
print(pcall(function() return #u2 end))
getmetatable(u2).__unm = function() return "u2neg" end
print(-u2)
print(pcall(function() return -{} end))
local s = setmetatable({}, {__len = function() error("not called") end})
print(#s)
