-- luajit-options: -joff
-- An uncaught stack overflow: message and traceback as printed by the standalone interpreter.
local function grow(n) return 1 + grow(n + 1) end
print("before")
grow(1)
