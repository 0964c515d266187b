-- Chains of unary operators.
local x = 5
print(- -x, - - -x, not not x, not not nil, -(-(-x)))
print(#"abc", - #"abc", not #"", -(2^3), - 2 ^ - 2)
local s = "7"
print(-s, - -s, type(-s))
local t = {1, 2, 3}
print(#t, -#t, #t * -1, not t)
