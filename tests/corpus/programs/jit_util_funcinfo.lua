local util = require("jit.util")
local function f(a, b, ...)
  local s = "str"
  local x = a + 1.5
  return function() return x, s, b end
end
local fi = util.funcinfo(f)
local keys = {}
for k in pairs(fi) do if k ~= "proto" then keys[#keys + 1] = k end end  -- proto: no such type here
table.sort(keys)
for _, k in ipairs(keys) do print(k, fi[k]) end
local fi2 = util.funcinfo(f, 3)
print(fi2.currentline, fi2.loc)
for pc = 0, 12 do
  local ins, m = util.funcbc(f, pc)
  print(pc, ins, m)
end
print(util.funck(f, 0), util.funck(f, -1), util.funck(f, 5))
local g = f(1, 2)
print(util.funcuvname(g, 0), util.funcuvname(g, 1), util.funcuvname(g, 2), util.funcuvname(g, 3))
local pi = util.funcinfo(print)
print(pi.ffid, pi.upvalues, pi.source)
print(pcall(util.funcinfo, 1))
