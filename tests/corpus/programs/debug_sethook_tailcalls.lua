-- call/return hook events around tail calls: LuaJIT fires "call" at every
-- entry (tail-called ones too) and "return" only at RET instructions
local events = {}
local function f(x)
  if x then return 1 end
end
function g(x) return f(x) end
function g1(x) g(x) end
local function h(x) local k = g1; return k(x) end
debug.sethook(function(e)
  local info = debug.getinfo(2, "nS")
  events[#events + 1] = e .. ":" .. tostring(info.name) .. ":" .. info.what
end, "cr")
h(false)
local s = select("#", h(true))
debug.sethook()
for i, e in ipairs(events) do print(i, e) end
print(s)
