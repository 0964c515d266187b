-- Several branches of one loop each become hot side exits.
local c = {0, 0, 0, 0}
for i = 1, 400 do
  local m = i % 4
  if m == 0 then c[1] = c[1] + 1
  elseif m == 1 then c[2] = c[2] + 2
  elseif m == 2 then c[3] = c[3] + 3
  else c[4] = c[4] + 4 end
end
print(c[1], c[2], c[3], c[4])
