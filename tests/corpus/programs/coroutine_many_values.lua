-- Many values and nil holes pass through resume and yield.
local co = coroutine.create(function(...)
  local n = select("#", ...)
  local back = {coroutine.yield(n, ...)}
  return #back, unpack(back, 1, 3)
end)
print(coroutine.resume(co, 1, nil, 3, nil, nil))
print(coroutine.resume(co, "a", "b", "c", "d"))
local big = {}
for i = 1, 100 do big[i] = i end
local echo = coroutine.wrap(function(...) local args = {...} while true do args = {coroutine.yield(#args, args[#args])} end end)
print(echo(unpack(big)))
print(echo())
print(echo(nil, nil))
