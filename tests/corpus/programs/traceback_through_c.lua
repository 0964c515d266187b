-- Tracebacks through pcall, metamethods and library callbacks.
local function handler(m) return debug.traceback(m, 2) end
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k) end})
local function get() return t.key end
print(xpcall(get, handler))
local function cmp(a, b) error("in comparator") end
print(xpcall(function() table.sort({3, 2, 1}, cmp) end, handler))
print(xpcall(function() return ("abc"):gsub("b", function() error("in gsub cb") end) end, handler))
local function viapcall()
  local ok, tb = pcall(function() return debug.traceback("inside pcall") end)
  return tb
end
print(viapcall())
