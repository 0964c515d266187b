-- An integer-narrowed accumulator that overflows the int32 range.
local x = 1
local n = 0
for i = 1, 300 do
  x = x * 3
  if x > 1e12 then x = x % 1000003 n = n + 1 end
end
print(x, n)
