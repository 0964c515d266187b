-- string.gsub is not recorded: the trace is stitched around it.
local n = 0
for i = 1, 300 do
  local r = string.gsub("a-b-c", "-", "+")
  n = n + #r
end
print(n)
