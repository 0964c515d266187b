-- setmetatable returns its table; metatables can be shared and replaced.
local mt = {__index = {kind = "shared"}}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
print(a.kind, b.kind, getmetatable(a) == getmetatable(b))
mt.__index.kind = "changed"
print(a.kind, b.kind)
setmetatable(a, {__index = {kind = "own"}})
print(a.kind, b.kind)
local c = setmetatable(setmetatable({}, mt), nil)
print(c.kind, getmetatable(c))
local d = setmetatable({}, mt)
print(d == setmetatable(d, mt))
