-- __gc on newproxy userdata runs when the collector frees it.
local order = {}
local function make(name)
  local u = newproxy(true)
  getmetatable(u).__gc = function() order[#order + 1] = name end
  return u
end
local function scope()
  local a, b = make("a"), make("b")
  return #tostring(a) > 0 and #tostring(b) > 0
end
print(scope())
collectgarbage()
collectgarbage()
table.sort(order)
print(#order, table.concat(order, ","))
local kept = make("kept")
collectgarbage()
print(#order)
kept = nil
collectgarbage()
print(#order, order[#order])
local p = newproxy(false)
print(type(p), getmetatable(p))
local q = newproxy(true)
local r = newproxy(q)
print(getmetatable(q) == getmetatable(r), type(getmetatable(r)))
print(pcall(newproxy, {}))
