local a = "\a\b\f\n\r\t\v\\\"\'"
local b = '\0\65\255\9x\0001'
local c = "tab\tand\
newline"
local d = 'single "double" inside'
local e = "single 'single' inside"
local f = "\1234"
local g = ""
local h = ''
print(a, b, c, d, e, f, g, h)
