-- __pow with an operand that pow() would map to 1 (x^0, 1^x) still calls the metamethod.
local t = setmetatable({}, {__pow = function(a, b) return "pow" end})
print(t ^ 0, 1 ^ t, t ^ t)
local n = 0 / 0
print(n ^ 0, 1 ^ n)
-- A metamethod may be a callable table: it is called with itself first.
local tc = setmetatable({}, {__call = function(self, a, b) return self end})
local ta = setmetatable({}, {__add = tc})
print(ta + ta == tc)
-- xpcall passes its extra arguments on (LuaJIT 2.1).
print(xpcall(function(...) return select("#", ...), ... end, print, 1, nil, 3))
print(xpcall(error, function(e) return "handled: " .. e end, "boom", 0))
-- print calls the tostring of the running coroutine's environment.
local seen = false
local co = coroutine.create(function() print(1) end)
debug.setfenv(co, setmetatable({}, {__index = {tostring = function(v)
  seen = true
  return "<" .. type(v) .. ">"
end}}))
print(coroutine.resume(co))
print(seen)
