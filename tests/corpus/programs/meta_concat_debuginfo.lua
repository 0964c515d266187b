-- debug info and tracebacks inside a __concat metamethod
local mt = {__concat = function(a, b) print(debug.traceback("tb")); error("lvl2", 2) end}
local x = setmetatable({}, mt)
print(pcall(function() return "a" .. x .. "b" end))
local mt3 = {__concat = function(a, b) local i = debug.getinfo(2, "l"); return "L" .. i.currentline end}
local y = setmetatable({}, mt3)
local s = "q" ..
  y
print(s)
