-- args: -jv
-- jit.flush(f) drops f's traces and compilation stays on: the loop is compiled again.
-- jit.flush(n) flushes root trace n, jit.flush() everything.
local function work(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
local function other(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
print(work(300))
jit.flush(work)
print(work(300))
print(other(300))
jit.flush(3)
print(other(300))
jit.flush()
print(work(300))
