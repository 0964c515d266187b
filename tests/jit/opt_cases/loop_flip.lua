-- A flipped boolean: the copy's guard would always fail, LOOP is retried after
-- unrolling once more.
local b = true
local n = 0
for i = 1, 100 do
  if b then n = n + 1 end
  b = not b
end
print(n)
