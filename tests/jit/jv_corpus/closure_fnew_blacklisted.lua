-- A loop that aborts on every attempt is blacklisted after repeated aborts.
local n = 0
for i = 1, 60000 do
  local f = function() return i end
  n = n + 1
end
print(n)
