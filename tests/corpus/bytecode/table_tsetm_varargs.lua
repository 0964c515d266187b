local function f(...)
  local a = {...}
  local b = {0, ...}
  local c = {x = 1, ...}
  local d = {1, 2, 3, 4, 5, 6, 7, 8, ...}
  return a, b, c, d
end
return f
