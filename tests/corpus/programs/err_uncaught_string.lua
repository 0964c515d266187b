-- An uncaught error: message and traceback on stderr, exit status 1.
local function inner(x)
  if x > 2 then error("too big: " .. x) end
  return inner(x + 1)
end
local function outer() local r = inner(1) return r end
print("start")
io.stdout:flush()
outer()
print("never")
