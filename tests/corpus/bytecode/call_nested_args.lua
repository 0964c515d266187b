print(f(g(h(1))))
print(a(b(), c(d(), e())))
local t = {f(g()), h(i(j()))}
return t
