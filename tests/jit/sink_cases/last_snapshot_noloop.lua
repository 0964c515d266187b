-- opt: -loop
-- Without the LOOP optimisation the last snapshot's tables are kept (they go on
-- to the next run of the trace); t still sinks.
local keep
local s = 0
for i = 1, 100 do
  local t = {i}
  keep = {i + 1}
  s = s + t[1]
end
print(s, keep[1])
