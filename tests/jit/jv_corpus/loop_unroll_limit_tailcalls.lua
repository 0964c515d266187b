-- A chain of more than loopunroll tail calls inside a hot loop: loop unroll limit.
local function down(n, ...)
  if n == 0 then return 0 end
  return down(n - 1, ...)
end
local s = 0
for i = 1, 300 do
  s = s + i + down(20)
end
print(s)
