-- A failing handler: "VM handler failed: <message>" on stderr ("?" for a non-string
-- error), and the program goes on. An error in a "start" handler aborts the trace
-- being recorded (error 0: "error thrown or hook called during recording").
jit.attach(function(what, tr, f, pc, otr, oex)
  io.stdout:write("trace ", what, " ", tr, " ", tostring(pc), " ", tostring(otr), "\n")
  if what == "start" then error("boom") end
end, "trace")
local s = 0
for i = 1, 100 do s = s + i end
jit.attach(function(what)
  io.stdout:write("trace ", what, "\n")
  if what == "stop" then error({}) end
end, "trace")
for i = 1, 100 do s = s + i end
jit.attach(function(tr, f, pc)
  if pc == 5 then error(42, 0) end
end, "record")
for i = 1, 100 do s = s + i end
jit.attach(function() end)
print(s)
