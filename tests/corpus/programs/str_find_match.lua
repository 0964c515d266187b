-- string.find and string.match with patterns, anchors and init positions.
local s = "hello world from lua"
print(s:find("world"), s:find("o", 6), s:find("o", -3), s:find("xyz"))
print(s:find("l+"), s:find("^hello"), s:find("^world"), s:find("lua$"))
print(s:find(".", 1, true), s:find("o w", 1, true), s:find("", 5), s:find("", 100))
print(s:match("(%a+) (%a+)"), s:match("%a+$"), s:match("()or()"))
print(("key = value"):match("^(%w+)%s*=%s*(%w+)$"))
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
print(("abc"):find("b", -10), ("abc"):find("c", 10), ("abc"):sub(-100, 100))
print(("a.b.c"):find(".", 2, true), ("a+b"):find("+", 1, true), ("a%b"):find("%%"))
print(("[test]"):match("%[(.*)%]"), ("f(a,b)"):match("%((.-)%)"))
print(string.find("abc", "b", nil), string.match("abc", ".", 0))
