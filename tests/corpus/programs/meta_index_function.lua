-- __index as a function receives the table and the key.
local log = {}
local t = setmetatable({present = 1}, {__index = function(tbl, k)
  log[#log + 1] = tostring(k)
  if type(k) == "number" then return k * 2 end
  return nil
end})
print(t.present, t[21], t.absent, t[0.5], t[true])
print(table.concat(log, ","))
local defaults = setmetatable({}, {__index = function(_, k) return "default-" .. k end})
print(defaults.color, defaults.size)
local calls = 0
local lazy = setmetatable({}, {__index = function(self, k)
  calls = calls + 1
  local v = k:upper()
  rawset(self, k, v)
  return v
end})
print(lazy.abc, lazy.abc, lazy.xyz, calls)
local mt = {}
mt.__index = function(tbl, k) return tbl == mt and "mt" or "obj:" .. k end
local o = setmetatable({}, mt)
print(o.x, o[1])
