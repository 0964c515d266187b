-- A Lua function called from a hot loop is inlined into the loop trace.
local function sq(x) return x * x end
local s = 0
for i = 1, 300 do
  s = s + sq(i)
end
print(s)
