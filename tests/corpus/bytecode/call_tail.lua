local function a(f) return f() end
local function b(f, x) return f(x, 1) end
local function c(o) return o:m() end
local function d(f, ...) return f(...) end
local function e(f) return f(f()) end
local function g() return print("x") end
return a, b, c, d, e, g
