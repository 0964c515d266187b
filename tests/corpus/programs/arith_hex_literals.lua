-- Hexadecimal, exponent and fraction literals.
print(0x10, 0xff, 0XAbC, 0x7fffffff, 0xffffffff, 0x100000000, 0xfffffffffffff)
print(0x1p4, 0x1.8p1, 0xA.8p0, 0x.1p4, 0x1P-2)
print(1e2, 1E-2, .5, 5., 3.14159e0, 1e+3)
print(tonumber("0x1p4"), tonumber("0x.8"), tonumber("1e"), tonumber("0x"), tonumber("1e+"))
print(0xffffffffffffffff, 0x123456789abcdef0)
