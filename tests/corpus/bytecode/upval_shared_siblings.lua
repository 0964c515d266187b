local count = 0
local function inc() count = count + 1 end
local function dec() count = count - 1 end
local function get() return count end
return inc, dec, get
