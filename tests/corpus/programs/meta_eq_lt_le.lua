-- Comparison metamethods: __eq only for same types, __le falls back to not __lt.
local mt = {}
mt.__eq = function(a, b) return a.k == b.k end
mt.__lt = function(a, b) return a.k < b.k end
local function o(k) return setmetatable({k = k}, mt) end
print(o(1) == o(1), o(1) ~= o(2), o(1) == 1)
print(o(1) < o(2), o(2) > o(1), o(1) <= o(2), o(2) >= o(3))
local other = setmetatable({k = 1}, {__eq = function() return true end})
print(o(1) == other)
print(pcall(function() return o(1) < 1 end))
local mixed = setmetatable({}, {__lt = function() return 1 end, __le = function() return nil end})
print(mixed < mixed, mixed <= mixed)
