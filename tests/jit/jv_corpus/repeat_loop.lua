-- A repeat-until loop compiles from its LOOP bytecode.
local i, s = 0, 1
repeat
  i = i + 1
  s = (s * 3 + i) % 1000
until i >= 300
print(i, s)
