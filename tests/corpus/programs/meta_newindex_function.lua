-- __newindex as a function, read-only tables, tracking.
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k)
    error("attempt to modify read-only field " .. tostring(k), 2)
  end})
end
local cfg = readonly({x = 1})
print(cfg.x, pcall(function() cfg.y = 2 end))
local changes = {}
local tracked = setmetatable({}, {__newindex = function(t, k, v)
  changes[#changes + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(t, k, v)
end})
tracked.a = 1
tracked.a = 2
tracked.b = nil
tracked[3] = true
print(table.concat(changes, " "), tracked.a, tracked[3])
local rejects = setmetatable({}, {__newindex = function() end})
rejects.q = 1
print(rejects.q, next(rejects))
