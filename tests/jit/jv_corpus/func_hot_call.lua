-- A function called from a loop that cannot compile gets its own function trace.
local function add3(a, b, c) return a + b + c end
local keep
local s = 0
for i = 1, 300 do
  keep = function() return i end
  s = add3(s, i, 1)
end
print(s, keep())
