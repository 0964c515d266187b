local obj = ...
obj:m()
obj:m(1, 2)
local x = obj:m()
obj.a:b()
obj.a.b:c(obj:d())
obj["key"]:m()
obj[1]:m()
return x
