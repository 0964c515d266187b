-- error with level 0 adds no position, uncaught inside a coroutine.wrap.
local gen = coroutine.wrap(function() error("plain message", 0) end)
gen()
