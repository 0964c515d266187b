-- "texit" events: trace and exit number of each guard exit back to the interpreter.
-- (LuaJIT adds its register counts and values; this program does not print them.)
jit.attach(function(tr, ex)
  print("texit", tr, ex)
end, "texit")
jit.attach(function(what, tr, f, pc, otr, oex)
  print("trace", what, tr, pc, otr, oex)
end, "trace")
local function f(x) return x * 2 end
local t = {}
for i = 1, 200 do
  if i % 50 == 0 then t[#t + 1] = f(i) else t[#t + 1] = i end
end
-- f is compiled as a function trace that returns to the interpreter: its end is no exit
for i = 1, 300 do local y = f(i); local g = function() end end
print(#t)
