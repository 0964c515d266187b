-- Yielding from inside metamethods and iterators called from Lua code.
local t = setmetatable({}, {
  __index = function(_, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
})
local co = coroutine.wrap(function()
  local v = t.foo
  print("index gave", v)
  local s = t + 1
  print("add gave", s)
  local c = t("arg")
  print("call gave", c)
  for k, v in function(_, prev) if not prev then return coroutine.yield("iter"), 1 end end do
    print("iterator gave", k, v)
  end
  return "end"
end)
print(co())
print(co("V1"))
print(co("V2"))
print(co("V3"))
print(co("K"))
