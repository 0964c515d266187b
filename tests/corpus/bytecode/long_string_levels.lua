local a = [==[ ]] ]=] ]==]
local b = [[
skipped first newline]]
local c = [[

two]]
local d = [=[
]]]=]
--[==[ a long
comment ]] still ]==] local e = 1
--[ not a long comment
--[=x also not
print(a, b, c, d, e)
