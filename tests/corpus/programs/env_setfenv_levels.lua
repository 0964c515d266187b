-- setfenv by stack level changes the environment of the running function.
local function sandboxed()
  setfenv(1, {print = print, type = type, tag = "inside"})
  print(tag, type(string))
  local function child() return tag end
  print(child())
end
sandboxed()
print(tag, type(string))
local function caller()
  local function changer() setfenv(2, {print = print, who = "caller env"}) end
  changer()
  print(who)
end
caller()
print(who)
local co = coroutine.create(function() return getfenv(0) == _G end)
print(coroutine.resume(co))
