-- __newindex as a table redirects stores of absent keys.
local store = {}
local t = setmetatable({existing = 1}, {__newindex = store})
t.a = 10
t.existing = 2
t[1] = "x"
print(rawget(t, "a"), store.a, t.existing, store.existing, t[1], store[1])
local deep = {}
local mid = setmetatable({}, {__newindex = deep})
local top = setmetatable({}, {__newindex = mid})
top.k = "v"
print(rawget(top, "k"), rawget(mid, "k"), deep.k)
local both = setmetatable({}, {__index = store, __newindex = store})
both.b = 20
print(both.b, both.a, rawget(both, "b"))
t.a = nil
print(store.a, rawget(t, "a"))
