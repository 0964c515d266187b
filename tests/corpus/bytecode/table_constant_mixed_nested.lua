local t = {1, 2, x = "y", {3, 4}, z = {a = 1}, 5}
local u = {{{{1}}}}
return t, u
