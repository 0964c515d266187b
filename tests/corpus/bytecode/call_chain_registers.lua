local a, b, c = ...
f(a, b)(c)
local x = (f)()
f()()
a.b(c).d:e()
local y = f(a)(b)(c)
local z = a[b](c)[a](b)
return x, y, z
