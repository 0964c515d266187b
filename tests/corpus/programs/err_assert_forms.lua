-- assert returns all its arguments or fails with its message.
print(assert(1, 2, 3))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, 42))
local t = {}
print(select(2, pcall(assert, false, t)) == t)
print(pcall(assert))
print(assert("x", "unused"))
