local t = ...
local a = t["not an identifier"]
local b = t["a long key that is certainly longer than forty bytes"]
local c = t[""]
local d = t["\n"]
t["1"] = 1
return a, b, c, d
