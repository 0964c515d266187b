-- An uncaught error raised inside an __index metamethod.
local strict = setmetatable({}, {__index = function(_, k)
  error("undeclared variable '" .. tostring(k) .. "'", 2)
end})
local function use() return strict.config end
print("strict mode")
use()
