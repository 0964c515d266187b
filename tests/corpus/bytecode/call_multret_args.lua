local function g() return 1, 2 end
print(g())
print(1, g())
print(g(), g())
print((g()))
print(g(), nil)
local t = {g()}
local u = {g(), g()}
local v = {(g())}
return t, u, v
