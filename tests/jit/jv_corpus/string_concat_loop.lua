-- String concatenation in a hot loop.
local s = ""
for i = 1, 300 do
  s = s .. "x"
end
print(#s)
