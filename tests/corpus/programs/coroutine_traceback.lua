-- debug.traceback of a suspended or dead coroutine.
local function a() coroutine.yield("y") end
local function b() a() end
local co = coroutine.create(function() b() end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
print(debug.traceback(co, "lvl1", 1))
local co2 = coroutine.create(function() local x = nil; x() end)
print(coroutine.resume(co2))
print(debug.traceback(co2))
