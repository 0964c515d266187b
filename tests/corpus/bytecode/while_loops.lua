local i = 0
while i < 10 do i = i + 1 end
while true do
  i = i - 1
  if i < 0 then break end
end
local t = ...
while t do t = t.next end
return i
