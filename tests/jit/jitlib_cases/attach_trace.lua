-- "trace" events: start (with parent and exit of a side trace), stop, abort (error
-- number and info), flush; a second handler replaces the first; jit.attach(f) detaches.
local ju = require("jit.util")
local function loc(f)
  if not f then return "-" end
  local i = ju.funcinfo(f)
  return i.loc or ("ffid " .. tostring(i.ffid))
end
local function show(what, tr, f, pc, otr, oex)
  print("trace", what, tr, loc(f), pc, otr, oex)
end
jit.attach(show, "trace")

local s = 0
for i = 1, 100 do s = s + i end                 -- a loop

for i = 1, 200 do                               -- a side trace from a hot exit
  if i > 100 then s = s + 1 else s = s - 1 end
end

for i = 1, 300 do local g = function() end end  -- NYI: FNEW, aborts until blacklisted

jit.attach(function(what) print("other", what) end, "trace")
jit.flush()
jit.attach(show)                                -- not attached any more: nothing
for i = 1, 100 do s = s + i end
jit.attach(function() end)                      -- detaches the "other" handler
jit.flush()
print(s)
