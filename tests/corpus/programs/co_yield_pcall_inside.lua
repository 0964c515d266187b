-- Yield across pcall inside a coroutine, and errors after resuming.
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("first")
    if x == "boom" then error("exploded") end
    return x
  end)
  coroutine.yield(tostring(ok) .. ":" .. tostring(v))
  local ok2, v2 = pcall(coroutine.yield, "second")
  return ok2, v2
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "boom"))
print(coroutine.resume(co))
print(coroutine.resume(co, "last"))
print(coroutine.status(co))
