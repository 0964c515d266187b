-- Finalizers run newest first, once, and may resurrect their object.
local log = {}
local saved
local function make(name)
  local u = newproxy(true)
  getmetatable(u).__gc = function(o) log[#log + 1] = name; if name == "b" then saved = o end end
  return u
end
do
  local a, b, c = make("a"), make("b"), make("c")
end
collectgarbage()
print(table.concat(log, " "))
print(type(saved))
saved = nil
collectgarbage()
print(table.concat(log, " "))
