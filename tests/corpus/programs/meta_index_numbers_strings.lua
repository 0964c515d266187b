-- __index receives the exact key: numbers and numeric strings stay distinct.
local seen = {}
local t = setmetatable({}, {__index = function(_, k) seen[#seen + 1] = type(k) .. ":" .. tostring(k) return k end})
local _ = t[1], t["1"], t[1.5], t[2^53], t[-0], t[true]
print(table.concat(seen, " "))
local arr = setmetatable({10, 20}, {__index = function(_, i) return "default" .. i end})
print(arr[1], arr[2], arr[3], arr[0], #arr)
