-- luajit-options: -joff
-- where "stack overflow" is reported with the JIT off: Lua functions that
-- overflow at their entry give no location
local function y(n)
  local a = 1
  return a +
    y(n + 1)
end
print(pcall(y, 1))

local function z1(...)
  return 1 +
    z1(...)
end
print(pcall(z1, 1))

local t = setmetatable({}, {__index = function(t, k) return t[k] end})
print(pcall(function() return t.x end))

C = 0
function g() C = C + 1; g() end
print(pcall(loadstring("g()")))
print(C > 1000)

local ok, e = pcall(coroutine.wrap(function() return y(1) end))
print(ok, e)
