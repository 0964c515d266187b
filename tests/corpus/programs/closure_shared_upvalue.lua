-- Several closures share one upvalue; it stays shared after the scope ends.
local function pair()
  local x = 0
  local function set(v) x = v end
  local function get() return x end
  return set, get
end
local set, get = pair()
set(5)
print(get())
local set2, get2 = pair()
set2(7)
print(get(), get2())
local fs = {}
do
  local shared = "s"
  for i = 1, 3 do
    fs[i] = function(v) if v then shared = v end return shared end
  end
end
fs[1]("changed")
print(fs[2](), fs[3]())
local function outer()
  local a = 1
  local function mid()
    local function inner() a = a + 1 return a end
    return inner
  end
  return mid(), function() return a end
end
local inner, peek = outer()
inner() inner()
print(peek())
