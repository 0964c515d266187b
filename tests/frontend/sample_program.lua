-- A program using most of the syntax, for span checks.
local M = {}
local mt = { __index = function(t, k) return rawget(t, "_" .. k) end }

function M.new(x, y, ...)
  local self = setmetatable({ x = x, y = y, n = select("#", ...), ... }, mt)
  return self
end

function M:len()
  return (self.x ^ 2 + self.y ^ 2) ^ 0.5
end

local function each(t)
  local i = 0
  return function()
    i = i + 1
    if t[i] ~= nil then return i, t[i] end
  end
end

for i, v in each({ 1, 2, 3 }) do
  if v % 2 == 0 then goto continue end
  print(i, v, #tostring(v), not v, -v)
  ::continue::
end

local n = 0
while n < 10 do
  n = n + 1
  if n > 5 then break end
end
repeat local m = n; n = n - 1 until m <= 0
for k = 10, 1, -2 do n = n + k end
for k, v in pairs(M) do n = n .. k end
local s = [==[
long]]string]==] .. 'x\65' .. "\u{263A}"
M.a, M.b = M.b, M.a
do local z = 1 end
return M
