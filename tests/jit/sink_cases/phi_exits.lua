-- A PHI of two TDUPs; exits in the loop body before the new table (the snapshot
-- holds the PHI's left side, rebuilt from the pre-loop store and the PHI value)
-- and after it.
local t = {0, 5}
local s = 0
for i = 1, 100 do
  if i == 77 then s = s + t[1] + t[2] end
  t = {t[1] + i, 5}
  if i == 88 then s = s + t[1] + t[2] end
end
print(s, t[1], t[2])
