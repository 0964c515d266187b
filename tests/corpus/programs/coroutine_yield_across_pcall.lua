-- LuaJIT can yield across pcall and xpcall.
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("from inside pcall")
    return x * 2
  end)
  print("pcall returned", ok, v)
  local ok2, err = pcall(function()
    coroutine.yield("second yield")
    error("after resume")
  end)
  print("pcall caught", ok2, err)
  local ok3, r = xpcall(function()
    return coroutine.yield("in xpcall") .. "!"
  end, function(m) return "handled: " .. m end)
  print("xpcall", ok3, r)
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
print(coroutine.resume(co))
print(coroutine.resume(co, "value"))
print(coroutine.status(co))
