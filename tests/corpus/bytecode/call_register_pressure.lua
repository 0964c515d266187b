local a, b, c, d, e = ...
f(a, b, c, d, e, a + b, c * d, e - a, f(a, b), g(c, d, e))
local x = f(f(f(f(f(a)))), f(f(b)), f(c, f(d, f(e))))
return x
