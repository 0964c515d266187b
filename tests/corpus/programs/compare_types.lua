-- Equality across types and identity for reference types.
local t1, t2 = {}, {}
local f1 = function() end
local f2 = function() end
print(t1 == t1, t1 == t2, f1 == f1, f1 == f2, print == print, nil == false)
print(true == true, true ~= false, 0 == false, "" == false, nil == nil)
local co = coroutine.create(f1)
print(co == co, co == coroutine.create(f1), type(co))
local function same() return function() return 1 end end
print(same() == same())
local up = 1
local g1 = function() return up end
local g2 = function() return up end
print(g1 == g2, g1() == g2())
