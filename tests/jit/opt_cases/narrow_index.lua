-- Array indexes: t[x + 1] with x a number narrows CONV int.num(ADD(x, +1)) into
-- ADD(CONV int.num x, +1), the overflow check left to the ABC; t[i * 2] with i an
-- int is ADDOV(i, i), used as the index directly.
local t = {}
for i = 1, 202 do t[i] = i end
local x = 0
local s = 0
for i = 1, 100 do
  x = x + 1
  s = s + t[x + 1] + t[i * 2]
end
print(s)
