-- xpcall with debug.traceback as the handler.
local function level3() local t = nil; return t.field end
local function level2() return level3() + 1 end
local function level1() local v = level2() return v end
print(xpcall(level1, debug.traceback))
print(xpcall(function() error({}) end, debug.traceback))
print(xpcall(function() error("msg", 0) end, debug.traceback))
print(xpcall(function() error() end, debug.traceback))
