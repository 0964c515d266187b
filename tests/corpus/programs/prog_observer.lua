-- An event emitter with ordered listeners, once-listeners and removal during emit.
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(ev, fn)
  local list = self.handlers[ev] or {}
  self.handlers[ev] = list
  list[#list + 1] = fn
  return fn
end
function Emitter:off(ev, fn)
  local list = self.handlers[ev] or {}
  for i = #list, 1, -1 do if list[i] == fn then table.remove(list, i) end end
end
function Emitter:once(ev, fn)
  local wrapper
  wrapper = function(...) self:off(ev, wrapper) return fn(...) end
  return self:on(ev, wrapper)
end
function Emitter:emit(ev, ...)
  local list = self.handlers[ev]
  if not list then return 0 end
  local snapshot = {unpack(list)}
  for _, fn in ipairs(snapshot) do fn(...) end
  return #snapshot
end
local e = Emitter.new()
local log = {}
local function logger(tag) return function(...) log[#log + 1] = tag .. ":" .. table.concat({...}, ",") end end
local a = e:on("data", logger("a"))
e:once("data", logger("once"))
e:on("data", logger("b"))
print(e:emit("data", 1, 2))
print(e:emit("data", 3))
e:off("data", a)
print(e:emit("data", 4), e:emit("nothing"))
print(table.concat(log, " "))
