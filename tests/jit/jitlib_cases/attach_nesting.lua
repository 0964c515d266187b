-- Handlers run with every event off: a hot loop or a trace exit inside a handler
-- sends nothing and starts no trace; a handler attached from a handler takes over
-- from the next event on.
local n = 0
local function busy()
  local s = 0
  for i = 1, 500 do s = s + i end              -- hot, but never compiled in a handler
  return s
end
jit.attach(function(what, tr)
  n = n + 1
  print("trace", what, tr, busy())
  if n == 2 then
    jit.attach(function(what2, tr2) print("second", what2, tr2) end, "trace")
  end
end, "trace")
local s = 0
for i = 1, 100 do s = s + i end
for i = 1, 100 do s = s + i end
jit.attach(function() end)
print(s, busy())
