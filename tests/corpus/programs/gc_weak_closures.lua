-- Closures and their upvalues are collected when unreachable.
local weak = setmetatable({}, {__mode = "v"})
local function maker(n)
  local captured = {n = n}
  return function() return captured.n end
end
local keep = maker(1)
weak[1] = keep
weak[2] = maker(2)
weak[3] = print
collectgarbage()
print(weak[1] ~= nil, weak[2], weak[3] == print, keep())
local obj = {}
local fn = function() return obj end
weak.f = fn
weak.o = obj
obj = nil
collectgarbage()
print(weak.f ~= nil, weak.o ~= nil)
fn = nil
collectgarbage()
print(weak.f, weak.o)
