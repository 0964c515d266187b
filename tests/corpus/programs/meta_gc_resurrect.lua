-- A __gc metamethod sees its object and may store it; it runs only once.
local saved
local count = 0
local function make()
  local u = newproxy(true)
  local mt = getmetatable(u)
  mt.__gc = function(o) count = count + 1 saved = o end
  mt.__index = function(_, k) return "field " .. k end
  return u
end
local function drop() local x = make() return type(x) end
print(drop())
collectgarbage()
print(count, saved ~= nil, saved and saved.name)
saved = nil
collectgarbage()
collectgarbage()
print(count)
