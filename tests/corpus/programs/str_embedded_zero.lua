-- Strings carry embedded zero bytes through every operation.
local s = "ab\0cd\0"
print(#s, s:byte(3), s:sub(3, 4) == "\0c", s:find("\0", 1, true), s:find("%z"))
print(s:upper() == "AB\0CD\0", s:rep(2) == s .. s, #s:rep(3))
local t = {}
t[s] = 1
t["ab"] = 2
print(t[s], t["ab"], t["ab\0cd\0"])
io.write("x\0y\n")
print(("\0"):len(), ("%q"):format("\0") , tostring("a\0b") == "a\0b")
print(string.format("%s|", "a\0b"), #string.format("%s", "a\0b"))
