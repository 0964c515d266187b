-- __mode is read at collection time: a table can become weak later.
local mt = {}
local t = setmetatable({}, mt)
t[{}] = 1
t[2] = {}
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print("strong", n)
mt.__mode = "kv"
collectgarbage()
n = 0
for _ in pairs(t) do n = n + 1 end
print("weak", n)
