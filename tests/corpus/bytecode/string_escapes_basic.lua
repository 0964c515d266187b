local a = "tab\there"
local b = "newline\nhere"
local c = "cr\rhere"
local d = "bell\a back\b form\f vt\v"
local e = "quote\" apos\' backslash\\"
local f = 'single "double" inside'
local g = "double 'single' inside"
print(a, b, c, d, e, f, g)
