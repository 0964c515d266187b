-- luajit-options: -joff
-- pcall/xpcall tail-called by a coroutine's main function (the protected call may
-- yield), and call/return hook events for Lua functions called from C
local co = coroutine.wrap(function(...)
  return xpcall(function(a)
    local b = coroutine.yield(a)
    print(debug.traceback("tb"):gsub("0x%x+", "A"))
    error("boom " .. b)
  end, function(m) return "H:" .. m end, ...)
end)
print(co("first"))
print(co("second"))
local co2 = coroutine.create(function() return pcall(coroutine.yield, 1, 2) end)
print(coroutine.resume(co2)); print(coroutine.resume(co2, "x", "y")); print(coroutine.status(co2))
local co3 = coroutine.create(function() return pcall(function() return 1, 2, 3 end) end)
print(coroutine.resume(co3))
local co4 = coroutine.create(function() return pcall(error, "e") end)
print(coroutine.resume(co4))
local co5 = coroutine.wrap(function() local function t() return pcall(function() local v = coroutine.yield("y2"); error("after " .. v) end) end return t() end)
print(co5()); print(co5("resume"))
print(pcall(function() return pcall(coroutine.yield) end))
local ev = {}
local co6 = coroutine.create(function() return pcall(function(x) return x end, 1) end)
debug.sethook(co6, function(e) ev[#ev + 1] = e .. ":" .. tostring(debug.getinfo(2, "S").what) end, "cr")
print(coroutine.resume(co6)); print(table.concat(ev, " "))
local ev = {}
local co6b = coroutine.create(function() return pcall(function(x) return x end, 1) end)
debug.sethook(co6b, function(e) local i = debug.getinfo(2, "Sn"); ev[#ev + 1] = e .. ":" .. tostring(i.what) .. ":" .. tostring(i.name) end, "cr")
print(coroutine.resume(co6b)); print(table.concat(ev, " "))
local ev3 = {}
local function rec(e) local i = debug.getinfo(2, "Sn"); ev3[#ev3 + 1] = e .. ":" .. tostring(i.what) .. ":" .. tostring(i.name) end
debug.sethook(rec, "cr")
table.sort({3, 1, 2}, function(a, b) return a < b end)
debug.sethook()
print(table.concat(ev3, " "))
