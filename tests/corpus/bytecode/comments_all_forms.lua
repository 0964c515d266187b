-- a line comment
local a = 1 -- trailing comment
--[[ a long
comment ]]
local b = 2
--[==[ another
]] still comment
]==]
local c = 3 --[[ inline ]] + 4
---[[ not a long comment
local d = 5
--]]
print(a, b, c, d)
