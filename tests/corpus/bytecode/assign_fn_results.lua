local function f() return 1, 2, 3 end
local a, b, c = f()
local d, e = f(), 10
local g, h, i, j = 0, f()
x, y = f()
a, b, c = (f())
