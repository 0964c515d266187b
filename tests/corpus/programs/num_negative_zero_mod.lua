-- (-0) % n is +0 and floor(-0) is -0, as in LuaJIT.
local z = -0
print(z % 1000, 1/(z % 1000), math.floor(z), 1/math.floor(z), (-0.0) % 3, -1 % 3, 5.5 % -2)
local a, b = -0, 7
print(a % b, 1/(a % b))
