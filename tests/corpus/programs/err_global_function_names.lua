-- Errors in global functions show their names in tracebacks.
function outer_global(x) return inner_global(x) + 1 end
function inner_global(x) return x.value * 2 end
local t = {}
function t.field_fn() return outer_global(nil) end
function t:method_fn() local r = t.field_fn() return r end
print(xpcall(function() return t:method_fn() end, debug.traceback))
