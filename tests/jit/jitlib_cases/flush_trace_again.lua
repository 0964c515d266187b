-- args: -jv
-- jit.flush(n) of a root trace that was flushed before: LuaJIT 2.1.0-beta3 unpatches
-- the start instruction even though another trace owns it now.
local function work(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
print(work(300))
jit.flush(work)
print(work(300))
jit.flush(1)
print(work(300))
