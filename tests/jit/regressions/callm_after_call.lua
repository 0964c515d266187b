local function g(i) return i * 2 end
local function f(a, b) return (a or 0) + (b or 100) end
local s = 0
for i = 1, 300 do s = s + f(1, g(i)) end
print(s)
local t = {}
for i = 1, 300 do s = s + math.max(1, math.floor(i / 2)) end
print(s)
