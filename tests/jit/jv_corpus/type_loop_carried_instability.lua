-- A loop-carried value whose type alternates between iterations.
local x = 1
local c = 0
for i = 1, 300 do
  if x == 1 then x = "one" else x = 1 end
  c = c + 1
end
print(x, c)
