-- string.byte, string.sub and string.len in a hot loop.
local str = "the quick brown fox jumps over the lazy dog"
local s = 0
for i = 1, 300 do
  local k = i % #str + 1
  s = s + string.byte(str, k) + #string.sub(str, k, k + 2) + string.len(str)
end
print(s)
