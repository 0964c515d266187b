-- A while loop compiles from its LOOP bytecode.
local i, s = 0, 0
while i < 300 do
  i = i + 1
  s = s + i % 7
end
print(i, s)
