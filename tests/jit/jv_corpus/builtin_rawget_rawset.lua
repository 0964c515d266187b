-- rawget and rawset in a hot loop.
local t = setmetatable({}, {__index = function() return 0 end})
for i = 1, 300 do
  rawset(t, i, (rawget(t, i - 1) or 0) + i)
end
print(t[300], t[301])
