-- A __newindex metamethod function in a hot loop.
local log = {n = 0}
local t = setmetatable({}, {__newindex = function(_, k, v) log.n = log.n + v end})
for i = 1, 300 do
  t[i] = i
end
print(log.n)
