-- Upvalues shared between sibling closures and closed at block exit.
local getters, setters = {}, {}
for i = 1, 3 do
  local v = i
  getters[i] = function() return v end
  setters[i] = function(n) v = n end
end
setters[2](20)
print(getters[1](), getters[2](), getters[3]())
local function counter_pair()
  local n = 0
  local inc = function() n = n + 1 return n end
  local dec = function() n = n - 1 return n end
  return inc, dec
end
local inc, dec = counter_pair()
inc() inc() inc()
print(dec(), inc())
local fns = {}
do
  local a = 1
  fns.read = function() return a end
  a = 2
end
print(fns.read())
local function deep()
  local x = 0
  local function l1() local function l2() local function l3() x = x + 1 return x end return l3 end return l2 end
  return l1
end
local f = deep()()()
print(f(), f(), f())
local co = coroutine.wrap(function()
  local shared = 0
  local bump = function() shared = shared + 1 end
  coroutine.yield(function() return shared end, bump)
end)
local read, bump = co()
bump() bump()
print(read())
