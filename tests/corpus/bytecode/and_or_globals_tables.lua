local t = {}
x = y and z
t.a = t.b or t.c
t[1] = g or {}
t.f = t.f or function() end
return t
