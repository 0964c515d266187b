-- Float keys with integer values are the same key as the integer.
local t = {}
t[1] = "int"
print(t[1.0], t[2 / 2], t["1"])
t[2^53] = "big"
print(t[2^53])
t[0.5] = "half"
print(t[0.5], t[1 / 2])
t[-0] = "zero"
print(t[0])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0 / 0] = 1 end))
print(t[nil], t[0 / 0])
local s = {}
s[1e300] = "huge"
s[math.huge] = "inf"
s[-math.huge] = "-inf"
print(s[1e300], s[1 / 0], s[-1 / 0])
