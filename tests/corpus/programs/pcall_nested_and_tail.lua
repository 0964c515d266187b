-- pcall of pcall (a yield deep inside comes back through both), pcall tail-called
-- by metamethods, iterators and pcall'd functions
local t = setmetatable({}, {__index = function(t, k) return pcall(error, "idx:" .. k) end})
print(t.foo)
local u = setmetatable({}, {__add = function(a, b) return xpcall(function() return "added" end, print) end})
print(u + 1)
local function lvl3() return pcall(function() return debug.traceback("tb", 1) end) end
local function lvl2() return pcall(lvl3) end
local ok, ok2, tb = lvl2(); print(ok, ok2, (tb:gsub("0x%x+", "A")))
print(pcall(pcall, pcall, error, "x"))
local co = coroutine.wrap(function() return pcall(pcall, coroutine.yield, "deep") end)
print(co()); print(co("r"))
for k, v in function(s, c) if not c then return pcall(function() return 1, 2 end) end end do print("iter", k, v) end
local co1 = coroutine.wrap(function() local a, b, c = pcall(pcall, coroutine.yield, "deep") return a, b, c end)
print(co1()); print(co1("r"))
print(pcall(pcall, error, "x"))
print(pcall(pcall, pcall, pcall, error, "y"))
print(pcall(xpcall, error, function(m) return "h:" .. m end, "z"))
print(xpcall(pcall, print, error, "w"))
print(pcall(pcall))
print(pcall(xpcall, print))
print(select('#', pcall(pcall, function() return 1, 2, 3 end)))
local co2 = coroutine.wrap(function() return pcall(pcall, pcall, coroutine.yield, "a") end)
print(co2()); print(co2("b"))
local co3 = coroutine.wrap(function()
  local r = {pcall(xpcall, function() coroutine.yield("in") error("e") end, function(m) return "H" end)}
  return unpack(r)
end)
print(co3()); print(co3())
print(pcall(pcall, setmetatable({}, {__call = function(_, x) return "mc" .. x end}), 1))
