-- Errors inside an xpcall handler.
print(xpcall(function() error("first") end, function(m) error("handler broke") end))
print(xpcall(function() error("first") end, function(m) return m:upper() end))
print(xpcall(function() return "fine", 2 end, print))
print(xpcall(function() local x = {} .. "" end, function(m) return "H(" .. m .. ")" end))
print(pcall(xpcall))
print(xpcall(error, function(m) return type(m) end))
local depth = 0
print(xpcall(function() error("deep") end, function(m)
  depth = depth + 1
  if depth < 3 then error("again " .. depth) end
  return "gave up at " .. depth
end))
