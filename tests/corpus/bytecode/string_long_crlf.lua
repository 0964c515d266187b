local a = [[line one
line two
line three]]
local b = "x"
print(a, b)
