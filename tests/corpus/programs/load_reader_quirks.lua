-- load with a failing reader.
-- LuaJIT runs the active error handler (the standalone interpreter's traceback) for a
-- reader error, so the message carries a traceback.
print(load(function() error("reader failed") end))
print(pcall(load, function() error({}) end))
local n = 0
print(load(function() n = n + 1 if n == 1 then return "return " end return nil end))
