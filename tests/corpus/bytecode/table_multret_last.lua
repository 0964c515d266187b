local function f() return 1, 2, 3 end
local a = {f()}
local b = {1, 2, f()}
local c = {f(), f()}
local d = {f(), x = 1}
local e = {x = 1, f()}
local g = {(f())}
local h = {f(), nil}
return a, b, c, d, e, g, h
