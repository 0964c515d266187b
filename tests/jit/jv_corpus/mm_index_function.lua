-- An __index metamethod function called for missing keys.
local t = setmetatable({}, {__index = function(_, k) return k * 2 end})
local s = 0
for i = 1, 300 do
  s = s + t[i]
end
print(s)
