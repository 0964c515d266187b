local n, s, p = 0, "", nil
local function f()
  n = 1.5
  n = -7
  s = "str"
  p = nil
  p = true
  p = false
end
return f
