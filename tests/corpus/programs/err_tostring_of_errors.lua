-- tostring of values embedded in error messages by error() callers.
local function fail(v) error("value was " .. tostring(v)) end
print(pcall(fail, nil))
print(pcall(fail, 1.5))
print(pcall(fail, true))
print(pcall(fail, "s"))
local ok, e = pcall(fail, {})
print(ok, (e:gsub("0x%x+", "ADDR")))
print(pcall(error, setmetatable({}, {__tostring = function() return "never used by pcall" end})) == false)
