--[=[ comment ]]
local a = 1
