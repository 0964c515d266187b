-- Integer arithmetic near and beyond 2^53.
local m = 2^53
print(m, m + 1 == m, m + 2, m - 1, (m - 1) % 2, m % 3, m * 2 == m + m)
print(2^31 * 2^31, 2^62 % 7, (2^53 - 1) * 3, (2^53 - 1) / 3)
print(math.floor(2^53 / 3), math.fmod(2^53, 10), 2^63 % 2, -2^63 % 10)
print(string.format("%.0f %.0f", 2^63, 2^64), string.format("%d", 2^53))
local f = 1
for i = 1, 30 do f = f * i end
print(f, string.format("%.0f", f))
