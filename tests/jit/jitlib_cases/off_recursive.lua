-- args: -jv
-- jit.off(f, true): f and every function nested in it are never compiled.
local function outer(n)
  local function inner(m)
    local s = 0
    for i = 1, m do s = s + i end
    return s
  end
  local s = 0
  for i = 1, n do s = s + inner(i % 7) end
  return s
end
local function other(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
jit.off(outer, true)
print(outer(300), other(300))
