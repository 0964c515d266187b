-- The recorded iteration of a hot outer loop enters a cold inner loop: inner loop in root trace.
local s = 0
for i = 1, 200 do
  local k = (i % 57 == 0) and 3 or 0
  for j = 1, k do
    s = s + j
  end
  s = s + 1
end
print(s)
