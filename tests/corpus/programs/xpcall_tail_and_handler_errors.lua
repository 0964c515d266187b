-- luajit-options: -joff
-- xpcall reached by a tail call or from a builtin (pcall(xpcall, ...)) runs its
-- handler and passes its extra arguments; errors inside handlers
local function f() return xpcall(function(...) return select('#', ...), ... end, print, 1, 2) end
print(f())
local function g() return xpcall(error, function(m) return "H:" .. tostring(m) end, "x") end
print(g())
print(pcall(xpcall, error, function(m) return "H2:" .. tostring(m) end, "y"))
print(select('#', pcall(xpcall, error, function(m) return 1, 2, 3 end, "z")))

-- a handler that fails, or recurses until the stack overflows, and a handler
-- that grows the stack a lot before returning
local function deep(n) return deep(n + 1) + 1 end
print(xpcall(error, function(m) return deep(1) end, "custom"))
print(xpcall(error, function(m) local x = deep(1) return x end, {}))
print(pcall(function() return xpcall(error, function(m) return deep(1) end, "c2") end))
print(xpcall(error, function(m) error("in handler") end, "e"))
local function grow(n) if n == 0 then return 0 end return 1 + grow(n - 1) end
print(xpcall(error, function(m) return m .. ":" .. grow(5000) end, "big"))
local function tail_grow() return xpcall(error, function(m) return m .. ":" .. grow(3000) end, "t") end
print(tail_grow())
