-- "bc" events: one per prototype the parser finishes (nested ones first); a handler
-- gets the prototype, which jit.util reads and jit.off disables.
local ju = require("jit.util")
jit.attach(function(p)
  local i = ju.funcinfo(p)
  print("bc", type(p), i.loc, i.linedefined, i.lastlinedefined, i.bytecodes, i.params,
        i.isvararg, i.children, i.upvalues, i.gcconsts, i.nconsts)
end, "bc")
local f = loadstring("local f = function(...) return function(x) return x end end\n" ..
                     "local g = function() end\nreturn f, g", "=good")
print(type(f))
print(type(loadstring(string.dump(function() end))))  -- binary chunks: no events
jit.attach(function(p)
  print("off", ju.funcinfo(p).loc, ju.funck(p, -1), ju.funcbc(p, 0) ~= nil)
  loadstring("return 1", "=nested")               -- no events inside a handler
  jit.off(p)
end, "bc")
local hot = loadstring("local s = 0 for i = 1, 300 do s = s + i end return s", "=hot")
jit.attach(function(what, tr) print("trace", what, tr) end, "trace")
print(hot())
jit.attach(function() end)
