local s = [[


]]
local = 1
