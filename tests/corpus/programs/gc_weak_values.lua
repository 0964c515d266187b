-- Weak-valued tables drop collectable values; strings and numbers stay.
local t = setmetatable({}, {__mode = "v"})
t[1] = {}
t[2] = "a string"
t[3] = 42
t[4] = function() end
local held = {}
t[5] = held
collectgarbage()
print(t[1], t[2], t[3], t[4], t[5] == held)
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
