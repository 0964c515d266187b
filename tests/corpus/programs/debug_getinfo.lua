-- debug.getinfo fields for Lua functions, builtins and stack levels.
local function sample(a, b, ...) local info = debug.getinfo(1, "nSlu") return info end
local i = sample()
print(i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined, i.currentline, i.nups, i.name, i.namewhat)
local function tail() return debug.getinfo(1, "nSlu") end
i = tail()
print(i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined, i.currentline, i.nups, i.name, i.namewhat)
local p = debug.getinfo(print)
print(p.what, p.source, p.short_src, p.linedefined, p.currentline, p.nups)
local m = debug.getinfo(1, "S")
print(m.what, m.linedefined, m.short_src)
local up1, up2 = 1, 2
local function uses() return up1 + up2 end
print(debug.getinfo(uses, "u").nups, debug.getinfo(uses).func == uses)
print(debug.getinfo(100), pcall(debug.getinfo, "x"))
local function level2() return debug.getinfo(2, "l").currentline end
local function caller() return level2() end
print(caller())
local t = {method = function(self) local r = debug.getinfo(1, "n") return r end}
local n = t:method()
print(n.name, n.namewhat)
local g = debug.getinfo(1, "f")
print(type(g.func))
