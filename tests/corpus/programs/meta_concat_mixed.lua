-- __concat is found on either operand, including after numbers and strings in a chain.
local T = setmetatable({}, {__concat = function(a, b)
  local function s(x) return type(x) == "table" and "T" or tostring(x) end
  return s(a) .. s(b)
end})
print(1 .. T, T .. 1, "a" .. "b" .. T, T .. "a" .. "b", 1 .. 2 .. T .. 3 .. 4)
print(T .. T, (T .. T) .. T)
local log = {}
local L = setmetatable({}, {__concat = function(a, b)
  log[#log + 1] = (type(a) == "table" and "L" or a) .. "+" .. (type(b) == "table" and "L" or b)
  return "r"
end})
local r = "x" .. L .. "y" .. "z"
print(r, table.concat(log, " "))
