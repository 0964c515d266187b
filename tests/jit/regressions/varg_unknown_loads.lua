-- VLOAD of unknown varargs reads the vararg slots (LuaJIT 2.1 FR2 offset; beta3 read one
-- slot off and prints 536 here) and select over them.
local function f(...)
  local s = 0
  for i = 1, 50 do
    local a, b = ...
    s = s + a + (b or 0)
  end
  return s
end
print(f(1, 2), f(3), f(4, 5, 6))
local function g(...)
  local n = 0
  for i = 1, 50 do n = n + select("#", ...) end
  return n
end
print(g(), g(1), g(1, nil, 3))
local function h(...)
  local n = 0
  for i = 1, 50 do n = n + (select(2, ...) or 0) end
  return n
end
print(h(1, 2), h(5))
