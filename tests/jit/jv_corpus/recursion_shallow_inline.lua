-- A recursive vararg function inlined twice per iteration, within callunroll.
local function tri(n, ...)
  if n <= 0 then return 0 end
  return n + tri(n - 1, ...)
end
local s = 0
for i = 1, 300 do
  s = s + tri(1)
end
print(s)
