-- Exponentiation: right associative, binds tighter than unary minus.
print(2 ^ 10, 2 ^ -1, 2 ^ 0.5, 2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(-2 ^ 2, (-2) ^ 2, (-8) ^ (1/3))
print(0 ^ 0, 0 ^ -1, (-0) ^ -1, math.huge ^ 0, 1 ^ math.huge)
print(10 ^ 308, 10 ^ 309, 10 ^ -324, 10 ^ -300)
local x = 3
print(x ^ 2 * 2, 2 * x ^ 2, x ^ x ^ 0)
for i = -3, 3 do io.write(2 ^ i, " ") end
print()
