-- __index and __newindex chains through tables and functions, rawget/rawset.
local base = {greet = function(self) return "hi " .. self.name end}
local mid = setmetatable({}, {__index = base})
local obj = setmetatable({name = "o"}, {__index = mid})
print(obj:greet(), rawget(obj, "greet"))
local log = {}
local proxy = setmetatable({}, {
  __index = function(t, k) log[#log + 1] = "get " .. k return k .. "!" end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k rawset(t, k, v) end,
})
print(proxy.a, proxy.a)
proxy.a = 1
print(proxy.a)
proxy.a = 2
print(table.concat(log, ","))
local store = {}
local redirect = setmetatable({}, {__newindex = store})
redirect.x = 5
print(rawget(redirect, "x"), store.x)
local deep = {}
local cur = deep
for i = 1, 50 do local n = {} setmetatable(cur, {__index = n}) cur = n end
cur.found = "bottom"
print(deep.found)
