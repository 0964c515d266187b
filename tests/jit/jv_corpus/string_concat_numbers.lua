-- Concatenating numbers and strings (number to string conversion).
local n = 0
for i = 1, 300 do
  local k = "k" .. i .. ":" .. (i * 2)
  n = n + #k
end
print(n)
