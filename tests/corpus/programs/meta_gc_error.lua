-- An error inside __gc does not stop the program.
local function bad()
  local u = newproxy(true)
  getmetatable(u).__gc = function() error("finalizer failed") end
  return u
end
local function make() local x = bad() return x ~= nil end
print(make())
print(pcall(collectgarbage))
print("still running")
