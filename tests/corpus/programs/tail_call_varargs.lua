-- Tail calls with varargs, builtins and metamethod callables.
local function count(...) return select("#", ...) end
local function tail(...) return count(...) end
print(tail(), tail(nil, nil), tail(1, 2, 3))
local function tostr(x) return tostring(x) end
print(tostr(12), tostr(nil))
local callable = setmetatable({}, {__call = function(self, a) return "called " .. tostring(a) end})
local function tc(a) return callable(a) end
print(tc(5))
local function sel(n, ...) return select(n, ...) end
print(sel(2, "a", "b", "c"))
local function ret_unpack(t) return unpack(t) end
print(ret_unpack({1, 2, 3}))
local function chain(n, ...)
  if n == 0 then return ... end
  return chain(n - 1, n, ...)
end
print(chain(5))
