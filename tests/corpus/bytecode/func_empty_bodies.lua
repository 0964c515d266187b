local function f() end
local g = function(...) end
local function h(a, b) end
return f, g, h
