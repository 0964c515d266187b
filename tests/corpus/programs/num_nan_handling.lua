-- NaN behaves as unequal to everything, including in tables and min/max.
local nan = 0/0
local t = {nan, 1}
print(t[1] ~= t[1], #t, t[1] == nan)
print(pcall(function() local x = {} x[nan] = 1 end))
print(rawequal(nan, nan), nan ~= nan, tostring(nan), tostring(-nan))
print(math.max(nan, 1, 2), math.min(1, nan), math.floor(nan), math.abs(nan))
local seen = 0
for k, v in pairs({nan}) do if v ~= v then seen = seen + 1 end end
print(seen)
print(pcall(table.sort, {3, nan, 1, 2}))
print(string.format("%d", 0/0 == 0/0 and 1 or 0), nan > 0, nan < 0, not (nan >= 0))
