-- An upvalue that is never assigned after creation is read as a constant.
local K = 7
local function f(x) return x * K end
local s = 0
for i = 1, 300 do s = s + f(i) end
print(s)
