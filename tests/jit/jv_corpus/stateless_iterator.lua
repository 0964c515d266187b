-- A generic for over a stateless Lua iterator function.
local function iter(limit, i)
  if i < limit then return i + 1 end
end
local s = 0
for i in iter, 300, 0 do
  s = s + i
end
print(s)
