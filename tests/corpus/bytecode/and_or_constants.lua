local a = ...
local x = a or 1
local y = a and "s"
local z = a or nil
local w = a and true or false
local v = nil or a
local u = false and a
local t = 1 and a
local s = 1 or a
local r = nil and a
return x, y, z, w, v, u, t, s, r
