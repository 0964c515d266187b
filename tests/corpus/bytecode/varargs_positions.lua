local function a(...) local x = ... return x end
local function b(...) local x, y, z = ... return x, y, z end
local function c(...) return ... end
local function d(...) print(...) end
local function e(...) print(1, ...) end
local function f(...) print(..., 1) end
local function g(...) local t = {...} return t end
local function h(...) local t = {1, ..., 2} return t end
local function i(...) local t = {n = select("#", ...), ...} return t end
local function j(...) return (...) end
local function k(...) return select(2, ...) end
return a, b, c, d, e, f, g, h, i, j, k
