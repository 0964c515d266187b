-- Loops in chunks loaded with loadstring, named "=name" and "@name".
local f = loadstring("local s = 0 for i = 1, 200 do s = s + i end return s", "=chunk")
print(f())
local g = loadstring("local s = 0\nfor i = 1, 200 do\n s = s + i\nend\nreturn s", "@other.lua")
print(g())
