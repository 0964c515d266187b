-- Long concatenation chains in one expression.
local a, b, c, d, e = "a", 1, 2.5, "d", -0
local s = a .. b .. c .. d .. e .. a .. b .. c .. d .. e .. a .. b .. c .. d .. e .. a .. b .. c .. d .. e
print(s, #s)
local t = {}
for i = 1, 60 do t[i] = "x" .. i end
local code = "local t = ... return " .. table.concat((function() local r = {} for i = 1, 60 do r[i] = "t[" .. i .. "]" end return r end)(), " .. ")
print(loadstring(code)(t) == table.concat(t))
print(("a"):rep(3) .. ("b"):rep(2) .. 1 .. 2 .. 3 .. ("c"):upper())
