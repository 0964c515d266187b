-- Long tracebacks are shortened in the middle.
local function rec(n)
  if n == 0 then return debug.traceback("deep") end
  local r = rec(n - 1)
  return r
end
print(rec(30))
