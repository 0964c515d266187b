-- A for loop with a fractional step: the loop variable is not narrowed to an integer.
local s = 0
for x = 0, 50, 0.25 do
  s = s + x
end
print(s)
