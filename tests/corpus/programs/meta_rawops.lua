-- rawget, rawset and rawequal bypass metamethods.
local log = {}
local mt = {__index = function(_, k) log[#log + 1] = "get " .. k return "meta" end,
  __newindex = function(_, k) log[#log + 1] = "set " .. k end,
  __eq = function() log[#log + 1] = "eq" return true end}
local t = setmetatable({}, mt)
local u = setmetatable({}, mt)
print(t.a, rawget(t, "a"))
t.b = 1
print(rawget(t, "b"))
print(rawset(t, "b", 2) == t, rawget(t, "b"), t.b)
print(t == u, rawequal(t, u), rawequal(t, t), rawequal(1, 1), rawequal("a", "a"), rawequal(1, "1"))
print(table.concat(log, ";"))
print(pcall(rawget, 1, 1))
print(pcall(rawset, "s", 1, 1))
print(pcall(rawset, {}, nil, 1))
print(pcall(rawset, {}, 0/0, 1))
print(pcall(rawequal, 1))
print(rawget({10, 20}, 2), rawget({}, nil))
