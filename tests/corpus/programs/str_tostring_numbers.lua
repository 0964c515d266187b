-- Number to string conversions in tostring, concatenation and format.
print(1/3, -1/3, 100, -0.0, 1e15, 1e16, 2^53, 2^63, -2^63)
print(0/0 ~= 0/0, 1/0, -1/0, math.huge)
print(1 .. "", 1.5 .. "", -0.0 .. "", 1e100 .. "")
print(tostring(123456789012), tostring(0.1 + 0.2), tostring(3.0))
print(string.format("%.14g", 0.1), 7 // 1 == nil)
