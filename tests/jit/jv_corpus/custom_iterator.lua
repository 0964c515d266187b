-- A generic for over a Lua closure iterator (ITERC/ITERL).
local function range(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i end
  end
end
local s = 0
for i in range(300) do
  s = s + i
end
print(s)
