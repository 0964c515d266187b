-- The stop is beyond the array at recording time: a regular ABC, repeated in the loop.
local t = {}
for i = 1, 10 do t[i] = i end
local s = 0
for i = 1, 100 do s = s + (t[i % 10 + 1]) end
print(s)
