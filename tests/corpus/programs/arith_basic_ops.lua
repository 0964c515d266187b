-- Basic arithmetic on integers and floats, printed with %.14g semantics.
local a, b = 17, 5
print(a + b, a - b, a * b, a / b, a % b, a ^ 2)
print(-a + b, -a - b, -a * b, -a / b, -a % b, (-a) ^ 2)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1 - 0.9)
print(1e15 + 0.3, 1e16 + 1, 2^53 + 1, 2^63, -2^63)

