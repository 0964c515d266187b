local t = {}
t.goto = 1
local x = t.goto
local y = {goto = 2}
print(x, y)
local goto = 5
goto = goto + 1
local function g(goto) return goto end
print(goto, g(goto))
