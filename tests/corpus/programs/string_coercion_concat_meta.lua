-- Number-to-string coercion in concatenation and the string library.
local n = 1/3
print(n .. "", ("%s"):format(n), tostring(n), string.rep(n, 1))
print(10 .. 20, 1.5 .. 2.5, -1 .. -2, 1e100 .. 1e-100)
print(("x"):rep(2.9), ("abc"):sub("2"), ("abc"):byte("1"))
print(#(100 .. ""), (100 .. ""):rep(2))
