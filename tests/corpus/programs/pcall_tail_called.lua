-- pcall and xpcall reached by a tail call (return pcall(...)): results, errors,
-- argument checks, and yields inside the protected call
local function a(...) return pcall(...) end
print(a(function(x, y) return x + y end, 1, 2))
print(a(error, "e1"))
print(a(function() error("e2") end))
print(a(function() error("e3", 2) end))
local function b() return xpcall(function() error("e4") end, function(m) return "H:" .. m end) end
print(b())

local co = coroutine.wrap(function()
  local function t() return pcall(coroutine.yield, "y1") end
  local r = {t()}
  return unpack(r)
end)
print(co())
print(co("back"))

local n = 0
local function e() n = n + 1; if n < 5 then return pcall(e) end return "bottom", n end
print(e())
local function f(...) return pcall(select, '#', ...) end
print(f(1, nil, 3))
print(pcall(function() return pcall() end))
print(pcall(function() return xpcall(print) end))
print(pcall(function() return xpcall(print, 1) end))
local t = setmetatable({}, {__call = function(self, x) return "called", x end})
local function j() return pcall(t, 5) end
print(j())
local function k(...) return select(2, pcall(function(...) return ... end, ...)) end
print(k(1, 2, 3))
print((function() return pcall(string.rep, "ab", 3) end)())
print(select('#', (function() return xpcall(function() end, print) end)()))
