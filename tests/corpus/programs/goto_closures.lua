-- Closures created in a goto loop capture fresh locals each time.
local fs = {}
do
  local i = 1
  ::again::
  local x = i * 10
  fs[i] = function() return x end
  i = i + 1
  if i <= 3 then goto again end
end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for i = 1, 3 do
  local v = i
  gs[i] = function() v = v + 1 return v end
  if i == 2 then goto skip end
  v = v * 100
  ::skip::
end
print(gs[1](), gs[2](), gs[3](), gs[1]())
