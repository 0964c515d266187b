-- __tostring is used by tostring and print.
local P = {__tostring = function(p) return "Point(" .. p.x .. "," .. p.y .. ")" end}
local p = setmetatable({x = 1, y = 2}, P)
print(p, tostring(p), "[" .. tostring(p) .. "]")
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local bad2 = setmetatable({}, {__tostring = function() return nil end})
print(pcall(tostring, bad2))
print(pcall(print, bad))
local errs = setmetatable({}, {__tostring = function() error("tostring failed") end})
print(pcall(tostring, errs))
local ud = newproxy(true)
getmetatable(ud).__tostring = function() return "my userdata" end
print(ud, tostring(ud))
local nested = setmetatable({}, {__tostring = function() return tostring(p) .. "!" end})
print(nested)
local tbl = setmetatable({}, {__tostring = "not a function"})
print(pcall(tostring, tbl))
