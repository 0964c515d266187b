-- Local shadowing, nested blocks and globals with the same names.
x = "global"
local x = "outer"
do
  local x = "inner"
  print(x)
  do local x = x .. "+nested" print(x) end
  print(x)
end
print(x, _G.x)
local function f(x) x = x or "param" return x end
print(f(), f("arg"), x)
local a, a = 1, 2
print(a)
for i = 1, 2 do local i = i * 10 io.write(i, " ") end
print()
local function g() local x = "in g" return function() return x end end
print(g()())
local t = {x = "field"}
print(t.x, x)
if true then local x = "if-block" end
print(x)
