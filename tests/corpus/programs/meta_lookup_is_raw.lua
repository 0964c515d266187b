-- Metamethods are looked up raw in the metatable: __index on the metatable does not count.
local provider = {__add = function() return "via provider" end}
local mt = setmetatable({}, {__index = provider})
local t = setmetatable({}, mt)
print(mt.__add ~= nil, pcall(function() return t + 1 end))
rawset(mt, "__add", function() return "raw" end)
print(t + 1)
local mt2 = {}
local u = setmetatable({}, mt2)
mt2.__index = {late = "added after setmetatable"}
print(u.late)
mt2.__index = nil
print(u.late)
