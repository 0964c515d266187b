local o = ...
local function f1() return (f()) end
local function f2() return f(), (g()) end
local function f3(...) return (...) end
local function f4() return o:m() end
local function f5() return (o:m()) end
local function f6() return o.x end
local function f7() return end
local function f8(...) return 1, ... end
return f1, f2, f3, f4, f5, f6, f7, f8
