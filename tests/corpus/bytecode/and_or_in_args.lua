local a, b = ...
print(a and b, a or b, a and 1 or 2)
local t = {a or 1, b and 2, k = a and b}
return t
