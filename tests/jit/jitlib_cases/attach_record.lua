-- "record" events: trace, function, pc (-1 for a builtin) and frame depth.
local ju = require("jit.util")
local function loc(f)
  local i = ju.funcinfo(f)
  return i.loc or ("ffid " .. tostring(i.ffid))
end
local function add(a, b) return a + b end
jit.attach(function(tr, f, pc, depth)
  print("record", tr, loc(f), pc, depth)
end, "record")
jit.attach(function(what, tr, f, pc, otr, oex)
  print("trace", what, tr, f and loc(f), pc, otr, oex)
end, "trace")
local s = 0
for i = 1, 100 do s = add(s, math.floor(i / 2)) end
local t = {}
for i = 1, 100 do t[#t + 1] = tostring(i) end   -- stitches around tostring
jit.attach(function() end)
print(s, #t)
