-- The length operator on strings.
print(#"", #"a", #"hello world", #"\0\0\0", #[[
x]], #("x"):rep(1000))
local s = "abc"
print(#s + #s, #s .. #s, -#s)
local t = {"x", "yy", "zzz"}
local total = 0
for _, w in ipairs(t) do total = total + #w end
print(total)
print(pcall(function() return #nil end))
print(pcall(function() local n = 5 return #n end))
print(pcall(function() return #print end))
