local a, b, c, d, e = 1, "s", nil, true, {}
local function f()
  a = a + 1
  b = "new"
  c = 42
  d = false
  e = nil
  d = true
  a = b
  return a, b, c, d, e
end
return f
