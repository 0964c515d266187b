-- Escape sequences in short strings.
local s = "a\tb\\c\"d'e\nf"
print(s, #s)
print("\65\066\0677", "\x41\x42", "\z
      continued", "\u{48}\u{49}", #"\u{7FF}", #"\u{FFFF}")
print(#"\0", #"a\0b", ("a\0b"):byte(1, -1))
print("bell\a" == "bell\7", "\v\f\r" == "\11\12\13", "\'" == "'")
print(string.format("%q", "line1\nline2\r\0end\1\127\255"))
local long = [[
first line
second "quoted" \n not escape]]
print(long, #long)
print([==[a]]b]=]c]==], [[]], #[[
]])
