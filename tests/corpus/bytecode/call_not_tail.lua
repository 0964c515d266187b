local function a(f) return (f()) end
local function b(f) local x = f() return x end
local function c(f) return f(), 1 end
local function d(f) return 1, f() end
local function e(f) do local y = 1 local h = function() return y end return f() end end
return a, b, c, d, e
