-- A loop built from a label and a backward goto.
local i, s = 0, 0
::top::
i = i + 1
s = s + i
if i < 300 then goto top end
print(i, s)
