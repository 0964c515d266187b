local fs = {}
local i = 1
::loop::
local x = i
fs[i] = function() return x end
i = i + 1
if i <= 3 then goto loop end
return fs
