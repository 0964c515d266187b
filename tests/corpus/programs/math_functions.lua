-- math library: powers, logs, trig, frexp/ldexp.
local function r(x) return string.format("%.10g", x) end
print(r(math.sqrt(2)), math.sqrt(16), math.sqrt(-1), r(math.exp(1)), math.exp(0))
print(r(math.log(10)), math.log(1), math.log(0), math.log(-1), r(math.log10(1000)))
print(math.log(8, 2), math.log(100, 10), r(math.log(27, 3)))
print(r(math.sin(1)), r(math.cos(1)), r(math.tan(1)), math.sin(0), math.cos(0))
print(r(math.asin(1)), r(math.acos(0)), r(math.atan(1)), r(math.atan2(1, -1)), math.atan2(0, -1) == math.pi)
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(1)))
print(math.pow(2, 10), math.pow(2, 0.5) == math.sqrt(2))
print(math.frexp(8), math.frexp(0.5), math.frexp(0), math.frexp(-3))
print(math.ldexp(1, 10), math.ldexp(0.75, 2), math.ldexp(1, -1))
print(math.deg(math.pi), math.rad(180) == math.pi, math.deg(1))
