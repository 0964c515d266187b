-- Concatenation of strings and numbers, right associativity.
local n = 42
print("n=" .. n, n .. "", 1 .. 2, 1.5 .. "|", -0 .. "", 1/0 .. "", 2^53 .. "")
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i .. ":" .. i * i end
print(table.concat(parts, ", "))
local s = ""
for i = 1, 10 do s = s .. string.char(64 + i) end
print(s, #s)
print("a" .. "b" .. "c" .. 1 .. 2 .. 3 .. "d")
print(("x"):rep(3) .. ("y"):rep(2), "" .. "", #("" .. ""))
local big = {}
for i = 1, 100 do big[i] = "w" .. i end
print(#table.concat(big), table.concat(big, "", 95))
