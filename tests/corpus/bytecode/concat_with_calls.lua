local function f() return "f" end
local a = ...
local s = a .. f() .. a .. f()
local t = f() .. f() .. tostring(1) .. a
return s, t
