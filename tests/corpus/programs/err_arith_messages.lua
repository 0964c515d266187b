-- Arithmetic, concatenation and comparison errors with variable names.
local t = {}
local up = nil
local function f() return up + 1 end
print(pcall(function() return t.missing + 1 end))
print(pcall(function() return -t end))
print(pcall(f))
print(pcall(function() local s = "x" return s .. {} end))
print(pcall(function() return {} < {} end))
print(pcall(function() return 1 < "2" end))
print(pcall(function() return #nil end))
print(pcall(function() return glob.field end))
print(pcall(function() t.a.b = 1 end))
print(pcall(function() local x = "abc" return x:nomethod() end))
print(pcall(function() return ("10" + 5), ("3" * "4"), "2" ^ 2 end))
print(pcall(function() return "a" + 1 end))
