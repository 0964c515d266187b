-- __index chains mixing tables and functions.
local leaf = setmetatable({}, {__index = function(_, k) return "fn(" .. tostring(k) .. ")" end})
local mid = setmetatable({m = "mid"}, {__index = leaf})
local top = setmetatable({}, {__index = mid})
print(top.m, top.z, top[1])
local counter = 0
local proxy = setmetatable({}, {__index = function(_, k)
  counter = counter + 1
  return mid[k]
end})
print(proxy.m, proxy.q, counter)
local s = setmetatable({}, {__index = string})
print(s.upper("abc"), s.rep("-", 3))
local num = setmetatable({}, {__index = {value = 0}})
num.value = num.value + 5
print(num.value, rawget(num, "value"), getmetatable(num).__index.value)
