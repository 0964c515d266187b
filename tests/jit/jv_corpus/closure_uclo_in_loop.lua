-- A captured loop local closed at the end of each iteration: NYI UCLO.
local keep
local s = 0
for i = 1, 300 do
  local x = i * 2
  if i == 1 then keep = function() return x end end
  s = s + x
end
print(s, keep())
