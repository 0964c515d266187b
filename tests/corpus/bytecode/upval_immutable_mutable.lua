local k1 = 10
local k2 = "const"
local m = 0
local function f()
  m = m + k1
  return k2 .. m
end
local function g() return k1, k2 end
return f, g
