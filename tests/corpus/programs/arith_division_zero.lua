-- Division by zero produces infinities and NaN, never errors.
print(1 / 0, -1 / 0, 0 / 0, 1 / -0, -1 / -0)
local z = 0
print(1 / z, -1 / z, z / z)
local negz = -z
print(negz, 1 / negz, 0 * -1, -0.0)
print(math.huge, -math.huge, math.huge - math.huge, math.huge * 0)
local nan = 0 / 0
print(nan == nan, nan ~= nan, nan < nan, nan > 1, nan <= nan, not (nan >= 0))
print(tostring(1/0), tostring(-1/0), tostring(0/0))
print(string.format("%f %f %f", 1/0, -1/0, 0/0))
