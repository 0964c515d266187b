-- A global function called from a loop.
function double(x) return x + x end
local s = 0
for i = 1, 300 do
  s = s + double(i)
end
print(s)
