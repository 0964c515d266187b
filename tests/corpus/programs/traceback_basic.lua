-- debug.traceback at several levels, with and without messages.
local function c() return debug.traceback() end
local function b() return c() .. "" end
local function a() local s = b() return s end
print(a())
print(debug.traceback("a message"))
print(debug.traceback("level 2", 2))
local function nested() return debug.traceback("from nested", 1) end
local t = {m = function() local r = nested() return r end}
print(t.m())
print(debug.traceback(12))
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
print(debug.traceback(nil))
