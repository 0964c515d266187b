local function f(a)
  local g = function() return a end
  if a then return g end
  return nil
end
local function h(x)
  do
    local y = x
    local k = function() return y end
    if y then return k() end
  end
  return 0
end
return f, h
