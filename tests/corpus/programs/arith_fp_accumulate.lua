-- Floating point accumulation prints with 14 significant digits.
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1, string.format("%.17g", s))
local p = 1
for i = 1, 20 do p = p * 1.1 end
print(p)
local h = 0
for i = 1, 100 do h = h + 1 / i end
print(h)
local f = 1
for i = 1, 25 do f = f * i end
print(f, f / 1e25)
local x = 1
for i = 1, 60 do x = x / 3 end
print(x, x * 3 ^ 60)
print(100 / 7, 22 / 7, math.pi, -math.pi, math.pi * 1e10, math.pi * 1e-10)
