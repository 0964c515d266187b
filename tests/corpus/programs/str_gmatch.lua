-- string.gmatch iteration with and without captures.
local words = {}
for w in ("the quick brown fox"):gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, "|"))
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
local n = 0
for _ in ("aaa"):gmatch("") do n = n + 1 end
print(n)
for pos in ("abcabc"):gmatch("()b") do io.write(pos, " ") end
print()
local it = ("x1y2"):gmatch("%a(%d)")
print(it(), it(), it())
for line in ("one\ntwo\n\nfour"):gmatch("([^\n]*)\n?") do io.write("[", line, "]") end
print()
for a, b in ("ab"):gmatch("(a)(x?)") do print(a, b == "") end
