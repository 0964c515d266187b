local n = select('#', ...)
local a, b = ...
local c = (...)
local t = {..., 1}
local u = {1, ...}
f(...)
f(..., 1)
print(... == nil)
local function g(...) local x, y, z = ... return select(2, ...) end
return n, a, b, c, t, u, g
