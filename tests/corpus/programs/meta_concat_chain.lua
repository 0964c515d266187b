-- __concat runs in a continuation frame: results, errors, yields and debug info
local mt = {__concat = function(a, b)
  local ta = type(a) == "table" and a.n or a
  local tb = type(b) == "table" and b.n or b
  local info = debug.getinfo(1, "n")
  return "(" .. ta .. "+" .. tb .. ":" .. tostring(info.name) .. "/" .. tostring(info.namewhat) .. ")"
end}
local x = setmetatable({n="X"}, mt)
local y = setmetatable({n="Y"}, mt)
print("a" .. x)
print(x .. "b")
print("a" .. "b" .. x .. "c" .. 1 .. y .. 2.5 .. "z")
print(x .. y .. x)
local r = setmetatable({}, {__concat = function() return {} end})
print(pcall(function() local t = r; return "a" .. t .. "b" end))
print(pcall(function() local t = {}; return "a" .. t end))
print(pcall(function() return 1 .. {} .. "b" end))
local mt2 = {__concat = function(a, b) return 7 end}
local z = setmetatable({}, mt2)
print("a" .. z .. "b", z .. 1 .. 2)
-- yield inside __concat
local co = coroutine.wrap(function()
  local w = setmetatable({}, {__concat = function(a, b) coroutine.yield("in") return "W" end})
  return "p" .. w .. "q" .. w
end)
print(co()); print(co()); print(co())
-- error inside __concat
print(pcall(function() return "a" .. setmetatable({}, {__concat = function() error("boom") end}) end))
print(select('#', ("x"):rep(3) .. x))
