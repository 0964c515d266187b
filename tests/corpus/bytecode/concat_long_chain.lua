local a, b = ...
local s = a .. b .. a .. b .. a .. b .. a .. b .. a .. b .. a .. b .. a .. b .. a .. b
print(s .. "end")
x = a .. b
