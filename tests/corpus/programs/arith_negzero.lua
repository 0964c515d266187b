-- Negative zero: prints as -0, compares equal to 0, keys normalise.
local nz = -0
print(nz, 0 * -1, -0.0, 0 / -5, nz == 0, 1 / nz)
print(tostring(-0), string.format("%g %.3f %d", -0, -0, -0))
local t = {}
t[nz] = "neg"
print(t[0], t[-0])
t[0] = "pos"
print(t[nz])
local function sign(x) return 1 / x > 0 and "+" or "-" end
print(sign(0), sign(-0), sign(0 * -1), sign(-(0)))
print(math.floor(-0.5), math.ceil(-0.5), -0 + 0, 0 - 0, -0 - 0)
print(math.abs(-0), math.max(-0, 0), math.min(0, -0))
