-- Deep non-tail recursion entered a few times: an up-recursion trace.
local function depth(n)
  if n == 0 then return 0 end
  return 1 + depth(n - 1)
end
local s = 0
for k = 1, 3 do
  s = s + depth(200)
end
print(s)
