-- A chain of ten tail calls inside a hot loop stays within loopunroll and is inlined.
local function down(n, ...)
  if n == 0 then return 0 end
  return down(n - 1, ...)
end
local s = 0
for i = 1, 300 do
  s = s + i + down(10)
end
print(s)
