-- luajit-options: -joff
-- Unbounded recursion ends with "stack overflow".
local depth = 0
local function recurse() depth = depth + 1 return 1 + recurse() end
local ok, err = pcall(recurse)
print(ok, err)
print(depth > 1000)
local function again() return again() + 1 end
print(pcall(again))
local t = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end})
local ok2, err2 = pcall(function() return t.a end)
print(ok2, err2)
