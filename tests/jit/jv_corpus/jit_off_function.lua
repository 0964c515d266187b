-- jit.off(f) disables compilation of one function.
local function slow(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
local function fast(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
jit.off(slow)
print(slow(300), fast(300))
