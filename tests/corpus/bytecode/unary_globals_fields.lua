local t = ...
x = -t.a
x = not t.b
x = #t.c
x = -t[1]
x = #t
