-- __eq (Lua 5.1): called only for two tables (or two userdata) with the same metamethod.
local calls = 0
local eq = function(a, b) calls = calls + 1 return a.id == b.id end
local M1 = {__eq = eq}
local M2 = {__eq = eq}
local M3 = {__eq = function() return true end}
local a = setmetatable({id = 1}, M1)
local b = setmetatable({id = 1}, M1)
local c = setmetatable({id = 1}, M2)
local d = setmetatable({id = 1}, M3)
print(a == b, a ~= b, calls)
print(a == c, calls)
print(a == d, d == a, calls)
print(a == a, calls)
print(a == 1, a == "x", a == nil, calls)
local plain = {id = 1}
print(a == plain, plain == a, calls)
local r = setmetatable({}, {__eq = function() return "truthy" end})
local s = setmetatable({}, getmetatable(r))
print(r == s, r ~= s)
local z = setmetatable({}, {__eq = function() return nil end})
local w = setmetatable({}, getmetatable(z))
print(z == w, z ~= w)
