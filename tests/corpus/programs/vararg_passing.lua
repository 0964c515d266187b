-- Varargs forwarded through calls, table constructors and returns.
local function inner(...) return select("#", ...), ... end
local function outer(...) return inner(...) end
print(outer())
print(outer(1, nil))
print(outer(nil, nil, 3))
local function wrap(...) local t = {..., "end"} return #t, t[1], t[2] end
print(wrap(1, 2, 3))
local function wrap2(...) local t = {"start", ...} return #t, t[#t] end
print(wrap2(1, 2, 3))
local function first(...) return (...) end
print(first(7, 8, 9), first())
local function mid(...) local a, b = ..., "fixed" return a, b end
print(mid(1, 2, 3))
local function vararg_in_args(...) return math.max(..., 0) end
print(vararg_in_args(-5, 3, 2))
local function add_all(first, ...)
  if first == nil then return 0 end
  return first + add_all(...)
end
print(add_all(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
