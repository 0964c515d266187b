-- tostring on a table with __tostring in a hot loop.
local o = setmetatable({}, {__tostring = function() return "obj" end})
local n = 0
for i = 1, 300 do
  n = n + #tostring(o)
end
print(n)
