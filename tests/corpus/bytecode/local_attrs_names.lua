local _ = 1
local _a1 = 2
local longer_name_here = 3
local __index = 4
local _ENV = 5
print(_, _a1, longer_name_here, __index, _ENV)
