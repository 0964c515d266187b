-- A guard on an invariant value (x > 1) is checked in the pre-roll only.
local x = 1.5
local s = 0
for i = 1, 100 do if x > 1 then s = s + x end end
print(s)
