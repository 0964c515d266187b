-- A cycle through a weak table and a finalizer: the collector frees both.
local registry = setmetatable({}, {__mode = "v"})
local finalized = 0
do
  local a = {name = "a"}
  local b = {name = "b", other = a}
  a.other = b
  registry.a, registry.b = a, b
  local u = newproxy(true)
  getmetatable(u).__gc = function() finalized = finalized + 1 end
  a.proxy = u
end
collectgarbage()
collectgarbage()
print(registry.a, registry.b, finalized)
