local o = ...
o:m"x"
o:m{1, 2}
o:m[[long]]
f"a""b"
f{}{}
f[[x]]"y"{z = 1}
local r = o.a.b:c"d":e{f = 1}.g
o.x:y():z"w"
return r
