-- Appending to a table that grows during the loop.
local t = {}
for i = 1, 300 do
  t[#t + 1] = i
end
print(#t, t[300])
