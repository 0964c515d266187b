-- args: -jv
-- jit.on(f, true) re-enables a function disabled with jit.off(f, true), whose hot
-- loop was patched to IFORL meanwhile; jit.off(true) / jit.on(true) act on the caller.
local function work(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
jit.off(work, true)
print(work(300))
jit.on(work, true)
print(work(300))
local function f()
  jit.off(true)
  local s = 0
  for i = 1, 300 do s = s + i end
  jit.on(true)
  return s
end
print(f(), f())
