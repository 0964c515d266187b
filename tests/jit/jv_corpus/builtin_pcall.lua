-- pcall of a Lua function in a hot loop.
local function f(x) return x * 2 end
local s = 0
for i = 1, 300 do
  local ok, v = pcall(f, i)
  if ok then s = s + v end
end
print(s)
