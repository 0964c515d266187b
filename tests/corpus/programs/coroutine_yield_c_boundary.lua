-- Yielding across a C function that cannot be resumed.
local co = coroutine.create(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield("in comparator") return a < b end)
  return "sorted"
end)
print(coroutine.resume(co))
local co2 = coroutine.create(function()
  return ("abc"):gsub(".", function(c) coroutine.yield(c) return c end)
end)
print(coroutine.resume(co2))
local co3 = coroutine.create(function()
  local t = setmetatable({}, {__tostring = function() coroutine.yield("ts") return "x" end})
  return tostring(t)
end)
print(coroutine.resume(co3))
