-- An error inside __gc does not stop the program: it comes out of the collection.
local function bad()
  local u = newproxy(true)
  getmetatable(u).__gc = function() error("finalizer failed") end
  return u
end
local keep = bad()
print(keep ~= nil)
keep = nil
print(pcall(collectgarbage))
print("still running")
