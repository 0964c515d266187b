-- load with a reader function that returns pieces.
local pieces = {"return ", "1 ", "+ ", "41", nil}
local i = 0
local f = load(function() i = i + 1 return pieces[i] end, "=pieces")
print(f())
local parts = {"local t = {} ", "for i = 1, 3 do t[i] = i * i end ", "return t[1], t[2], t[3]"}
local j = 0
print(load(function() j = j + 1 return parts[j] end)())
print(load(function() return nil end))
print(pcall(load(function() return nil end)))
local k = 0
print(load(function() k = k + 1 if k == 1 then return "return 'a'" end return "" end)())
print(load("return 'string source'", "=s")())
print(pcall(load))
