local function a(...) local x = ... + 1 return x end
local function b(...) x, y = ... end
local function c(...) local t = {} t.x, t.y = ... return t end
local function d(...) if ... then return 1 end end
local function e(...) return ... and 1 or 2 end
local function f(a, b, ...) return a, b, ... end
local function g(...) local a, b = 1, ... return a, b end
local function h(...) local n = #{...} return n end
return a, b, c, d, e, f, g, h
