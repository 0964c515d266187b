local f = ...
f()()()
f(1)(2)(3)
f.a.b.c()
f[1][2]()
f():m():n()
local x = f().y.z
return x
