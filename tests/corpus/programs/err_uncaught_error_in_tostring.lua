-- An error value whose __tostring fails while the standalone interpreter reports it.
local e = setmetatable({}, {__tostring = function() return 42 end})
error(e)
