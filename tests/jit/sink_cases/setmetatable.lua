-- setmetatable on a fresh table: the FSTORE of tab.meta sinks; the exit at i == 70
-- rebuilds the table with its metatable.
local mt = {__index = function(t, k) return 7 end}
local s = 0
local saved
for i = 1, 80 do
  local o = setmetatable({v = i}, mt)
  s = s + o.v
  if i == 70 then saved = o end
end
print(s, saved.v, saved.missing, getmetatable(saved) == mt)
