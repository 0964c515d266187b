-- args: -jv
-- jit.off(f, false): only the functions nested in f, not f itself.
local function outer(n)
  local function inner(m)
    local s = 0
    for i = 1, m do s = s + i end
    return s
  end
  local s = 0
  for i = 1, n do s = s + inner(3) end
  local t = 0
  for i = 1, n do t = t + i end
  return s + t
end
jit.off(outer, false)
print(outer(300))
