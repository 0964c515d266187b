-- An uncaught error value with __tostring is converted by the standalone interpreter.
local E = setmetatable({msg = "structured"}, {__tostring = function(e) return "E: " .. e.msg end})
print("raising")
error(E)
