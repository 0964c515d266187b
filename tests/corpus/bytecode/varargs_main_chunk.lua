local a, b = ...
print(...)
local t = {...}
local n = select("#", ...)
return ..., a, b, t, n
