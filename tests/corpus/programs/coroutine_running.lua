-- coroutine.running in the main thread and inside coroutines.
print(coroutine.running())
local co
co = coroutine.create(function()
  local r = coroutine.running()
  print(r == co, type(r))
  return "ok"
end)
print(coroutine.resume(co))
local w = coroutine.wrap(function() return type(coroutine.running()) end)
print(w())
print(type(coroutine.isyieldable), coroutine.isyieldable and coroutine.isyieldable())
local inside = coroutine.wrap(function() return coroutine.isyieldable() end)
print(inside())
