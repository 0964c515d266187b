-- A variable that changes from number to string in the middle of the loop.
local v = 0
local n = 0
for i = 1, 300 do
  if i == 150 then v = "s" end
  if type(v) == "number" then v = v + 1 else n = n + 1 end
end
print(v, n)
