-- string.char, string.rep and string.upper in a hot loop.
local n = 0
for i = 1, 300 do
  local c = string.char(97 + i % 26)
  local r = string.rep(c, 3)
  n = n + #string.upper(r) + r:byte(1)
end
print(n)
