-- Empty matches in gsub and gmatch advance one position at a time.
print(("abc"):gsub("x*", "-"))
print(("abc"):gsub("b*", "-"))
print(("hello world"):gsub("o?", "0"))
print(("abc"):gsub("^", ">"))
print(("abc"):gsub("$", "<"))
print(("a b"):gsub("%s*", "_"))
local pieces = {}
for w in ("one,,three,"):gmatch("([^,]*)") do pieces[#pieces + 1] = "[" .. w .. "]" end
print(table.concat(pieces))
print(("aaa"):gsub("a-", "x"), ("aaa"):gsub("a-$", "x"))
