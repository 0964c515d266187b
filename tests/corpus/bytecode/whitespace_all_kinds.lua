local a = 1
local	b= 2
local c = a -- trailing comment
--[[ block ]] local d = b
return a, b, c, d -- no newline at end