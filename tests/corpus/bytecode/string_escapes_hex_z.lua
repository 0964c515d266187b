local a = "\x41\x42\x7a"
local b = "\xff\x00"
local c = "skip \z
           spaces"
local d = "line \
continued"
local e = "\u{48}\u{49}"
local f = "\u{20AC} \u{7FF} \u{10FFFF}"
print(a, b, c, d, e, f)
