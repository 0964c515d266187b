local a = "crlf\
next"
local b = "lf\
next"
print(a, b)
