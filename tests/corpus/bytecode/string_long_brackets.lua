local a = [[simple]]
local b = [[
first newline skipped]]
local c = [==[has ]] inside]==]
local d = [=[
multi
line
]=]
local e = [[]]
local f = [[with "quotes" and \n no escapes]]
print(a, b, c, d, e, f)
