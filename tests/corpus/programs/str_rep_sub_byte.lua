-- string.rep, sub, byte, char, reverse, upper, lower, len.
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("x"):rep(0), ("x"):rep(-1), ("x"):rep(1, "sep"))
local s = "abcdef"
print(s:sub(2), s:sub(2, 4), s:sub(-3), s:sub(-3, -2), s:sub(0), s:sub(4, 2), s:sub(7))
print(s:sub(2.7, 4.2), s:sub(-100, 2), s:sub(3, -100))
print(s:byte(), s:byte(2), s:byte(-1), s:byte(1, 3), s:byte(10))
print(select("#", s:byte(1, -1)), select("#", s:byte(4, 2)))
print(string.char(), string.char(72, 105), string.char(0):len())
print(s:reverse(), (""):reverse(), s:upper(), ("MiXeD"):lower(), s:len())
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bytes = table.concat(all)
print(#bytes, bytes:byte(256), bytes:upper():byte(98), bytes:lower():byte(66))
