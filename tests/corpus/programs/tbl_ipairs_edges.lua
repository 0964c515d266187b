-- ipairs stops at the first nil and reads raw values.
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
local p = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
local n = 0
for i, v in ipairs(p) do n = n + 1 end
print(n)
local h = {[1] = "a", [2] = "b", [4] = "d"}
for i, v in ipairs(h) do io.write(i, v, " ") end
print()
local f, s, init = ipairs({})
print(type(f), type(s), init)
print(f({5, 6}, 0), f({5, 6}, 1), f({5, 6}, 2))
print(pcall(ipairs))
print(pcall(ipairs, nil))
local zero = {[0] = "zero", "one"}
for i, v in ipairs(zero) do io.write(i, v, " ") end
print()
