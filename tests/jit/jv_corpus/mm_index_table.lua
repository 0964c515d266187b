-- An __index table chain (class inheritance) in a hot loop.
local Base = {val = 3}
local Mid = setmetatable({}, {__index = Base})
local obj = setmetatable({}, {__index = Mid})
local s = 0
for i = 1, 300 do
  s = s + obj.val
end
print(s)
