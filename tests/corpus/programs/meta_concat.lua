-- __concat with strings, numbers and other tables, right associative.
local S = {}
S.__concat = function(a, b)
  local function s(x) return type(x) == "table" and "[" .. x.v .. "]" or tostring(x) end
  return s(a) .. s(b)
end
local function wrap(v) return setmetatable({v = v}, S) end
local x, y = wrap("x"), wrap("y")
print(x .. "s", "s" .. x, x .. y, 1 .. x, x .. 2)
print("a" .. x .. "b" .. y .. "c")
print(x .. y .. x)
local r = setmetatable({}, {__concat = function(a, b) return {v = "joined"} end})
local res = r .. "z"
print(type(res), res.v)
print(pcall(function() return {} .. x end))
print(pcall(function() return true .. x end))
