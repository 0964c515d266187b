-- select('#', ...) and select(k, ...) in a loop of a vararg function: the trace
-- starts inside it, so the varargs are unknown and VARG feeds select directly.
local function count(...)
  local n = 0
  for i = 1, 50 do n = n + select("#", ...) end
  return n
end
print(count(), count(1), count(1, nil, 3))
local function second(...)
  local n = 0
  for i = 1, 50 do n = n + (select(2, ...) or 0) end
  return n
end
print(second(1, 2), second(5), second(1, 2, 3))
local function nth(k, ...)
  local n = 0
  for i = 1, 50 do n = n + (select(k, ...) or 0) end
  return n
end
print(nth(1, 4, 5), nth(2, 4, 5), nth(3, 4, 5))
