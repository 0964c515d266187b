-- Weak-keyed tables drop entries whose keys are only reachable through the table.
local cache = setmetatable({}, {__mode = "k"})
local keep = {}
for i = 1, 5 do
  local k = {id = i}
  cache[k] = i * 10
  if i % 2 == 1 then keep[#keep + 1] = k end
end
collectgarbage()
collectgarbage()
local ids = {}
for k, v in pairs(cache) do ids[#ids + 1] = k.id .. "=" .. v end
table.sort(ids)
print(#ids, table.concat(ids, " "))
cache["str"] = {}
collectgarbage()
print(cache["str"] ~= nil)
