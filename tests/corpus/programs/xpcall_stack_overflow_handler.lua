-- luajit-options: -joff
-- an error handler runs after a stack overflow: LuaJIT opens room above the
-- stack limit for it (a handler that overflows again is "error in error
-- handling"), and takes the room back once the error is caught
local function y(n) return 1 + y(n + 1) end

print(xpcall(function() return y(1) end, function(m) return "H:" .. m end))
print(xpcall(y, function(m)
  local t = {}
  for i = 1, 30 do t[i] = i end
  return "tables:" .. m .. " " .. #t
end, 1))

local tb = select(2, xpcall(y, debug.traceback, 1))
print(#tb > 200, tb:match("^[^\n]*"), select(2, tb:gsub("\n", "\n")))

-- a handler that overflows the room it was given
local function deep(n) return deep(n + 1) + 1 end
print(xpcall(y, function(m) return deep(1) end, 1))

-- the room is given back: the same overflow again and again
for i = 1, 3 do
  print(i, xpcall(y, function(m) return m .. "#" .. i end, 1))
end
print(pcall(y, 1))

-- inside a coroutine
local co = coroutine.create(function()
  return xpcall(y, function(m) return "co:" .. m end, 1)
end)
print(coroutine.resume(co))
