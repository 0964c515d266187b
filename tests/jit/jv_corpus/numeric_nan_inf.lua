-- Infinity and NaN values flowing through a hot loop.
local inf, nan = 1 / 0, 0 / 0
local c = 0
for i = 1, 300 do
  local x = (i % 3 == 0) and inf or i
  if x == inf then c = c + 1 end
  if nan ~= nan then c = c + 1 end
end
print(c)
