-- A line hook records executed lines of a small function.
local lines = {}
local function target(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s
end
debug.sethook(function(ev, line) lines[#lines + 1] = line end, "l")
local r = target(2)
debug.sethook()
print(r, table.concat(lines, " "))
local calls = {}
debug.sethook(function(ev) calls[#calls + 1] = ev end, "cr")
target(1)
debug.sethook()
print(table.concat(calls, " "))
print(debug.gethook())
