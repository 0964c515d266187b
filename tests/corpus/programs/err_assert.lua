-- assert returns its arguments or raises its message.
print(assert(1, "unused", 3))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, {1}))
local ok, e = pcall(assert, false, {tag = "t"})
print(type(e), e.tag)
print(pcall(assert))
print(pcall(assert, 1 == 2, 42))
print(select("#", assert(true, nil, nil)))
local function check(x) return assert(tonumber(x), "not a number: " .. tostring(x)) end
print(pcall(check, "12"), pcall(check, "zz"))
