-- Operator precedence and associativity.
print(1 + 2 * 3, (1 + 2) * 3, 2 * 3 ^ 2, -3 ^ 2, not nil == true)
print(1 .. 2 .. 3, "a" .. "b" == "ab", 1 + 2 .. "", 2 ^ 2 .. "x")
print(1 < 2 == true, not 1 == 2, #"abc" + 1, -#"ab")
print(1 or error("no"), nil and error("no"), false or nil, nil or false)
print(1 and 2 or 3, nil and 2 or 3, false and nil or "x", 1 and nil or "y")
print(10 - 4 - 3, 2 ^ -2, 100 / 10 / 5, 7 % 4 % 3)
print("10" + 1, "3" * "4", 10 .. 20, "0x10" + 0, " 5 " * 2)
local a, b, c = 2, 3, 4
print(a + b * c ^ 2 / a - -b, a < b and b < c, a .. b .. c + 1)
