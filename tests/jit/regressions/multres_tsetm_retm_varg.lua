local function two(i) return i, i + 1 end
local s = 0
for i = 1, 300 do local t = {two(i)}; s = s + #t + t[2] end
print(s)
local function r(i) return 1, two(i) end
for i = 1, 300 do local a, b, c = r(i); s = s + a + b + (c or 1000) end
print(s)
local function v(...) return select('#', ...) end
for i = 1, 300 do s = s + v(two(i)) end
print(s)
