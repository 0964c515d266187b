-- Numbers and strings never compare equal and do not order against each other.
print(1 == "1", "1" == 1, 0 == "", "abc" == "abc", "1.0" == "1")
print(pcall(function() return 1 < "2" end))
print(pcall(function() return "1" <= 2 end))
print("10" < "9", "a" < "aa", "abc" < "abd", "" < " ", "\0" < "\1", "a\0b" < "a\0c")
print("Z" < "a", "a" > "B", "x" >= "x", "y" <= "x")
local t = {}
t[1] = "number one"
t["1"] = "string one"
print(t[1], t["1"], t[1.0], t[tonumber("1")])
