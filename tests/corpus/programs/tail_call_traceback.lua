-- Tail calls leave "(tail call)" entries in tracebacks.
local function deepest() error("boom") end
local function middle() return deepest() end
local function top() return middle() end
local ok, msg = xpcall(top, debug.traceback)
print(ok)
print(msg)
local function show() return debug.traceback("here", 1) end
local function via_tail() return show() end
print(via_tail())
