-- Varargs forwarded through closures, table constructors and method calls.
local function bind(f, ...)
  local args = {n = select("#", ...), ...}
  return function(...)
    local all = {}
    for i = 1, args.n do all[i] = args[i] end
    local extra = select("#", ...)
    for i = 1, extra do all[args.n + i] = (select(i, ...)) end
    return f(unpack(all, 1, args.n + extra))
  end
end
local function show(...) return select("#", ...), ... end
print(bind(show, 1, nil)(nil, 4))
local obj = {v = 10}
function obj:add(...) local s = self.v for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
print(obj:add(1, 2, 3), obj.add(obj), bind(obj.add, obj, 5)(6))
print(string.format("%d-%d-%d", (function(...) return ... end)(1, 2, 3)))
