-- __lt and __le, and 5.1's fallback of a <= b to not (b < a).
local calls = {}
local function note(s) calls[#calls + 1] = s end
local N = {}
N.__lt = function(a, b) note("lt") return a.v < b.v end
local function n(v) return setmetatable({v = v}, N) end
local one, two = n(1), n(2)
print(one < two, two < one, one > two, two > one)
print(one <= two, two <= one, one >= two, one <= one)
print(table.concat(calls, ","))
calls = {}
N.__le = function(a, b) note("le") return a.v <= b.v end
print(one <= two, two >= one, one <= one)
print(table.concat(calls, ","))
local O = {__lt = function() return 1 end}
local P = {__lt = function() return 2 end}
local o, p = setmetatable({}, O), setmetatable({}, P)
print(pcall(function() return o < p end))
print(pcall(function() return o < setmetatable({}, O) end))
print(pcall(function() return o < 1 end))
print(pcall(function() return "a" < o end))
