-- String library snippets: tests/tools/gen_string_cases.py runs each with real LuaJIT
-- and records what it prints in string_cases.json; test_string_lib.py compares.
-- case: lib_table
local names = {"byte", "char", "dump", "find", "format", "gmatch", "gsub", "len", "lower",
  "match", "rep", "reverse", "sub", "upper"}
for _, n in ipairs(names) do io.write(n, "=", type(string[n]), " ") end
print()
local n = 0
for k in pairs(string) do n = n + 1 end
print(n, package.loaded.string == string)
-- case: lib_builtin_ids
print(string.byte, string.char, string.sub, string.rep, string.reverse)
print(string.lower, string.upper, string.dump, string.find, string.match)
print(string.gmatch, string.gsub, string.format)
print(string.gmatch("a", "a"))
-- case: metatable
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == mt)
print(("abc"):upper(), ("%d"):format(7), ("x"):rep(3), #("abc"):sub(2))
local s = "hello"
print(s:len(), s:byte(-1), s:find("l"), s:match("h(.)"))
print(rawget(mt, "__index") == string, mt.__newindex, mt.__tostring)
-- case: metatable_changes
local mt = getmetatable("")
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout())
mt.__index = function(s, k) return k .. "?" end
print(("x").anything, ("y").len)
mt.__index = string
print(("ok"):upper())
-- case: metatable_index_errors
print(pcall(function() return ("x"):nosuch() end))
print(pcall(function() local s = "x" return s.y.z end))
print(pcall(function() local n = 5 return n:upper() end))
-- case: string_coercion_in_methods
print(string.upper(12), string.len(123), string.rep(1, 3), string.reverse(1.5))
print(string.sub(12345, 2, 3), string.byte(9), string.lower(1e100))
print(string.find(12345, 34), string.match(3.25, "%d+"), string.gsub(111, 1, 2))

-- case: len_basic
print(string.len(""), string.len("abc"), string.len("a\0b"), #"\0\0\0")
print(pcall(string.len))
print(pcall(string.len, nil))
print(pcall(string.len, {}))
-- case: len_errors_located
local ok, e = pcall(function() return string.len(true) end)
print(e)
local ok, e = pcall(function() local t = {} return t:len() end)
print(e)

-- case: byte_basic
print(string.byte("ABC"))
print(string.byte("ABC", 2))
print(string.byte("ABC", 1, 3))
print(string.byte("ABC", -1))
print(string.byte("ABC", -2, -1))
print(string.byte("\0\255\128"))
print(string.byte("\0\255\128", 1, -1))
-- case: byte_ranges
local s = "hello"
print(s:byte(0), s:byte(6), s:byte(10, 20), s:byte(3, 2))
print(s:byte(-10, 2))
print(s:byte(-100, -100))
print(s:byte(2, 100))
print(s:byte(0, 0), select("#", s:byte(0, 0)))
print(select("#", s:byte(4, 3)), select("#", (""):byte()))
print(s:byte(1.9, 3.7))
print(s:byte(-1.5))
print(s:byte("2", "3"))
print(s:byte(nil, 2))
-- case: byte_empty
print(string.byte(""))
print(select("#", string.byte("")))
print(select("#", string.byte("", 1, 10)))
-- case: byte_errors
print(pcall(string.byte))
print(pcall(string.byte, {}))
print(pcall(string.byte, "a", "x"))
print(pcall(string.byte, "a", 1, {}))
print(pcall(string.byte, "abc", 1 / 0))
print(pcall(string.byte, "abc", 0 / 0))
-- case: byte_slice_limit
local s = string.rep("x", 9000)
print(select("#", s:byte(1, 8000)))
print(pcall(string.byte, s, 1, 8001))
print(pcall(string.byte, s, 1, -1))
local ok, e = pcall(function() return s:byte(1, -1) end)
print(e)
print(select("#", s:byte(1001, 9000)))
-- case: byte_huge_args
print(string.byte("abc", 2^31))
print(string.byte("abc", -2^31))
print(string.byte("abc", 1, 2^40))
print(string.byte("abc", 2^32 + 2))

-- case: char_basic
print(string.char(72, 105), string.char(), #string.char(0, 0))
print(string.char(255, 128, 65):byte(1, -1))
print(string.char(65.9, 66.1, "67"))
print(string.char(-0.5))
-- case: char_errors
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 300))
print(pcall(string.char, "x"))
print(pcall(string.char, nil))
print(pcall(string.char, 65, {}))
print(pcall(string.char, 1 / 0))
print(pcall(string.char, 0 / 0))
local ok, e = pcall(function() return string.char(65, 66, 999) end)
print(e)
-- case: char_many
local t = {}
for i = 0, 255 do t[#t + 1] = i end
local s = string.char(unpack(t))
print(#s, s:byte(1), s:byte(256), s:sub(66, 70))

-- case: sub_basic
local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -2), s:sub(3, 3))
print(s:sub(0), s:sub(0, 0), s:sub(5, 4), s:sub(100), s:sub(-100, 3))
print(s:sub(2, 100), s:sub(-3, -100), s:sub(12), s:sub(11), s:sub(-11, -11))
-- case: sub_numbers
local s = "abcdef"
print(s:sub(2.7, 4.2), s:sub(-2.5), s:sub("2", "3"), s:sub(" 3 "))
print(s:sub(2^31), s:sub(-2^31), s:sub(1, 2^31), s:sub(1, -2^31), s:sub(0 / 0))
print(s:sub(2^32 + 1), s:sub(1, 1 / 0), s:sub(-1 / 0))
print(s:sub(3, nil), s:sub(-1, nil))
-- case: sub_errors
print(pcall(string.sub))
print(pcall(string.sub, "abc"))
print(pcall(string.sub, "abc", "x"))
print(pcall(string.sub, "abc", nil))
print(pcall(string.sub, "abc", 1, "y"))
print(pcall(string.sub, "abc", 1, {}))
print(pcall(string.sub, nil, 1))
local ok, e = pcall(function() return ("abc"):sub() end)
print(e)
-- case: sub_empty_string
print(("").sub("", 1), ("").sub("", 0, -1), ("").sub("", -1, 1), #("").sub("", 2, 3))

-- case: rep_basic
print(string.rep("ab", 3), string.rep("x", 0), string.rep("x", -5), string.rep("", 100))
print(string.rep("ab", 1), string.rep("ab", 2.9), string.rep(5, 2), #string.rep("a", 1000))
-- case: rep_sep
print(string.rep("ab", 3, ","), string.rep("ab", 1, ","), string.rep("ab", 0, ","))
print(string.rep("ab", 2, ""), string.rep("", 3, "-"), string.rep("x", 3, 1), string.rep("x", -1, "y"))
print(string.rep("a", 4, nil), string.rep("\0", 2, "\0"):byte(1, -1))
-- case: rep_errors
print(pcall(string.rep))
print(pcall(string.rep, "x"))
print(pcall(string.rep, "x", "y"))
print(pcall(string.rep, "x", 2, {}))
print(pcall(string.rep, {}, 2))
print(string.rep("x", 2^31), string.rep("x", 0 / 0))
-- case: rep_too_big
print(pcall(string.rep, "abcd", 2^30))
print(pcall(string.rep, "x", 2^31 - 1, "yy"))

-- case: reverse_lower_upper
print(string.reverse("hello"), string.reverse(""), string.reverse("a\0b"):byte(1, -1))
print(string.lower("HeLLo WoRLD 123 _!"), string.upper("HeLLo WoRLD 123 _!"))
print(string.upper("\228\246\252 \200"):byte(1, -1))
print(string.lower("ÀÉ"):byte(1, -1))
print(string.upper("a\0b"), #string.upper("a\0b"))
-- case: reverse_lower_upper_errors
print(pcall(string.reverse))
print(pcall(string.lower, {}))
print(pcall(string.upper, nil))
print(string.upper(true == true and "yes"))
local ok, e = pcall(function() return string.upper() end)
print(e)

-- case: find_plain
local s = "hello world"
print(s:find("o"), s:find("o", 6), s:find("xyz"), s:find("wor"), s:find(""))
print(s:find("l", -3), s:find("h", -100), s:find("d", 11), s:find("d", 12))
print(s:find("", 100), s:find("", 12), s:find("", 11), s:find("", -1))
print(s:find(".", 1, true), ("a.b"):find(".", 1, true), ("a+b"):find("+", 1, 1))
print(("a%b"):find("%", 1, true), ("a(b"):find("(", 1, "yes"), ("a^b"):find("^b", 1, true))
-- case: find_plain_no_specials
print(("a]b"):find("]"), ("a)b"):find(")"), ("a}b"):find("}"), ("x,y"):find(","))
print(("a\0b"):find("\0"), ("a\0b"):find("b", 1, false), ("abc"):find("b", 1, nil))
print(("abc"):find("c", 2, false), ("a.c"):find(".", 1, false))
-- case: find_pattern
local s = "hello world from Lua"
print(s:find("%s"), s:find("%a+", 7), s:find("o%s"), s:find("^hello"), s:find("^world"))
print(s:find("Lua$"), s:find("o$"), s:find("(o)(r)"), s:find("()or()"))
print(s:find("%u"), s:find("[fm]+"), s:find("l+", 5), s:find("x*"))
-- case: find_init
local s = "aaa"
print(s:find("a", 0), s:find("a", -1), s:find("a", -2), s:find("a", -3), s:find("a", -4))
print(s:find("a", 3), s:find("a", 4), s:find("a", 5), s:find("a*", 4), s:find("a*", 10))
print(s:find("^a", 2), s:find("^", 4), s:find("$", 2), s:find("a", 2.9), s:find("a", "2"))
-- case: find_errors
print(pcall(string.find))
print(pcall(string.find, "a"))
print(pcall(string.find, "a", {}))
print(pcall(string.find, "a", "a", "x"))
print(pcall(string.find, nil, "a"))
local ok, e = pcall(function() return ("a"):find() end)
print(e)
-- case: match_basic
print(string.match("hello world", "%w+"), string.match("hello world", "(%w+) (%w+)"))
print(string.match("key=val", "(.-)=(.*)"), string.match("abc", "x"), string.match("abc", ""))
print(string.match("  trim  ", "^%s*(.-)%s*$") .. "|", string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("abc", "()b()"), string.match("abc", "a()"), string.match("", "()"))
-- case: match_init
print(string.match("abcabc", "b", 3), string.match("abcabc", "^b", 2), string.match("abc", ".", -1))
print(string.match("abc", "", 10), string.match("abc", "()", 10), string.match("abc", ".", 10))
print(string.match("abc", "^(.)", 0), string.match("abc", "^(.)", -2))
-- case: match_errors
print(pcall(string.match))
print(pcall(string.match, "a"))
print(pcall(string.match, "a", "a", {}))
print(pcall(string.match, {}, "a"))

-- case: class_letters
local s = "aZ 9_!\t\n\0\127\200"
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z"}) do
  local lower = select(2, s:gsub("%" .. c, "")) or 0
  local upper = select(2, s:gsub("%" .. c:upper(), ""))
  io.write(c, ":", lower, "/", upper, " ")
end
print()
-- case: class_all_bytes
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z", "A", "S", "W", "Z"}) do
  local m = all:gsub("[^%" .. c .. "]", "")
  io.write(c, "=", #m, ":", m:byte(1) or "-", ":", m:byte(-1) or "-", " ")
end
print()
-- case: class_punct
local all = {}
for i = 32, 127 do all[#all + 1] = string.char(i) end
all = table.concat(all)
print((all:gsub("[^%p]", "")))
print((all:gsub("[^%x]", "")))
print((all:gsub("%w", "")))
-- case: class_escapes
print(("a.b"):match("%."), ("a%b"):match("%%"), ("a]b"):match("%]"), ("a-b"):match("%-"))
print(("x+y"):match("%+"), ("x(y"):match("%("), ("q"):match("%q"), ("1"):match("x%1"))
print(pcall(string.match, "1", "%1"))
print(("a^b"):match("%^"), ("a$b"):match("%$"), ("a$b"):match("$b"), ("a*b"):match("*"))
-- case: dot_and_anchors
print(("abc"):match("."), ("\0"):match("."):byte(), ("abc"):match(".$"), ("abc"):match("^.."))
print(("a^b"):match("a^b"), ("^x"):match("^^x"), ("x$"):match("x$$"), ("$"):match("^$$"))
print(("abc"):find("b$"), ("ab$c"):find("b$c"), ("abc"):match("^abc$"), ("abcd"):match("^abc$"))
-- case: sets_basic
print(("hello"):match("[aeiou]+"), ("hello"):match("[^aeiou]+"), ("x9y"):match("[%d]"))
print(("a-b"):match("[-]"), ("a-b"):match("[a-]+"), ("a-b"):match("[%a-]+"), ("]"):match("[]]"))
print(("^"):match("[%^]"), ("^"):match("[a^]"), ("a"):match("[^^]"), ("b]"):match("[^]]"))
print(("AbC"):match("[A-Z]+"), ("AbC"):match("[a-z]"), ("5"):match("[0-9]"), ("z"):match("[z-a]"))
-- case: sets_odd_ranges
print(("%"):match("[a-%%]"), ("-"):match("[%a-z]"), ("b"):match("[%a-z]"), ("]"):match("[a-%]]"))
print(("c"):match("[a-c-e]"), ("-"):match("[a-c-e]"), ("d"):match("[a-c-e]"), ("e"):match("[a-c-e]"))
print(("x"):match("[^%a%d]"), ("_"):match("[^%a%d]"), ("\0"):match("[%z]"), ("a"):match("[%Z]"))
print(("b"):match("[ab-]"), ("-"):match("[ab-]"), ("-"):match("[-ab]"), ("%"):match("[%%]"))
-- case: sets_with_classes
local s = "abc123 DEF_!?"
print(s:gsub("[%l%d]", "."), s:gsub("[%u_]", "#"), s:gsub("[^%s%p]", ""))
print(s:gsub("[%w_]+", "<%0>"), s:gsub("[%W]", ""))
-- case: quantifiers
local s = "aaabbb"
print(s:match("a*"), s:match("a+"), s:match("a-"), s:match("a?"), s:match("b*"), s:match("b+"))
print(s:match("a-b"), s:match("a*b"), s:match("a?b"), s:match("^a-$"), s:match("^a-b+$"))
print(("<a><b>"):match("<(.-)>"), ("<a><b>"):match("<(.*)>"), ("xy"):match("x?y?z?"))
print(("abc"):match("a.-c"), ("aXbXc"):match("(.-)X"), ("aXbXc"):match("(.*)X"))
-- case: quantifier_as_literal
print(("*a"):match("*a"), ("+"):match("+"), ("a?"):match("a%?"), ("?"):match("?"))
print(("a**"):match("a**"), ("-x"):match("-x"), ("a-"):match("^a%-$"), ("aa"):match("a--"))
-- case: quantifier_backtracking
print(("aaa"):match("^(a*)(a)$"), ("aaa"):match("^(a-)(a*)$"), ("abab"):match("^(.*)b"))
print(("xxxyyy"):match("(x*)(x*)"), ("xxxyyy"):match("(x-)(x-)y"), ("ab"):match("a?a?b"))
print(("aaaa"):match("^(a?)(a?)(a?)a$"), ("abc"):match("^(.-)(.-)$"))
-- case: captures_basic
print(("hello world"):match("(h)(e)(l)(l)(o)"), ("abc"):match("((a)(b))"))
print(("abc"):match("(a(b(c)))"), ("abc"):find("(b)"), ("abc"):find("((b))"))
-- case: captures_position
print(("hello"):match("()ll()"), ("hello"):find("()"), ("hello"):match("()", 6))
print(("hello"):match("(h)()"), ("hello"):gsub("()", "%1"), ("ab"):gsub("()", function(p) return p end))
print(type(("x"):match("()")), math.type and "" or "", ("abc"):match("a()b()c()"))
-- case: captures_many
local p = string.rep("(.)", 32)
local s = string.rep("x", 32)
print(select("#", s:match(p)))
print(pcall(string.match, s .. "x", p .. "(.)"))
print(pcall(string.find, s, string.rep("()", 33)))
print(select("#", s:find(string.rep("()", 32))))
-- case: capture_errors
print(pcall(string.match, "abc", "(a"))
print(pcall(string.match, "abc", "a)"))
print(pcall(string.find, "abc", "(b"))
print(pcall(string.find, "abc", "(x"))
print(pcall(string.match, "abc", "x)"))
print(pcall(string.match, "abc", "a(b"))
print(pcall(string.gsub, "abc", "(b", "x"))
print(pcall(string.gsub, "abc", "(b", "%1"))
print(pcall(string.gsub, "abc", "(b", function(c) return c end))
print(pcall(string.gsub, "abc", "(b", {}))
print(pcall(string.gsub, "abc", "(b", "%0"))
print(pcall(string.gmatch("abc", "(b")))
-- case: capture_errors_located
local ok, e = pcall(function() return ("abc"):match("(a") end)
print(e)
local ok, e = pcall(function() return ("abc"):match(")") end)
print(e)
local ok, e = pcall(function() for x in ("abc"):gmatch("a)") do end end)
print(e)
-- case: backrefs
print(('say "hi" there'):match('(["\'])(.-)%1'), ("abcabc"):match("(abc)%1"))
print(("xyzxy"):match("(xy)z%1"), ("aa bb cd"):gsub("(%a)%1", "<%0>"))
print(("abab"):find("(a)(b)%1%2"), ("aXa"):match("(.)X%1"), ("aXb"):match("(.)X%1"))
print(("=====[[x]]====="):match("(=*)%[%[(.-)%]%]%1"))
-- case: backref_errors
print(pcall(string.match, "aa", "%1"))
print(pcall(string.match, "aa", "(a)%2"))
print(pcall(string.match, "aa", "(a%1)"))
print(pcall(string.match, "aa", "%0"))
print(pcall(string.match, "aa", "(a)%0"))
print(pcall(string.match, "aa", "()%1"))
print(pcall(string.match, "aa", "()a%1"))
print(pcall(string.find, "ab", "(a)%9"))
print(pcall(string.match, "bb", "a%1"))
-- case: balance
print(("(foo(bar))baz"):match("%b()"), ("if (a and (b or c)) then"):match("%b()"))
print(("[[x]]"):match("%b[]"), ("{a{b}c}d"):gsub("%b{}", "X"), ("(("):match("%b()"))
print(("))(("):match("%b)("), ("aXbYc"):match("%bXY"), ("xaay"):match("%baa"))
print(("f(a)(b)"):match("f(%b())(%b())"), ("()"):find("%b()"), ("a(b"):match("%b()"))
print(("x"):match("%bxx"), ("xyx"):match("%bxx"), ("xx"):match("%bxx"))
-- case: balance_errors
print(pcall(string.match, "abc", "%b"))
print(pcall(string.match, "abc", "%ba"))
print(pcall(string.match, "abc", "x%b"))
print(pcall(string.find, "", "%b"))
print(pcall(string.gsub, "abc", "%b(", ""))
print(pcall(string.match, "abc", "(%b)"))
-- case: frontier
local s = "THE (quick) fox"
print(s:find("%f[%a]%a+"), s:find("%f[%a]%a+%f[%A]", 2), s:gsub("%f[%w]%w+", "W"))
print(("hello world"):gsub("%f[%w]", "|"), ("hello"):gsub("%f[%W]", "|"))
print(("aaa"):find("%f[a]"), ("aaa"):find("%f[^a]"), (""):find("%f[%z]"), (""):find("%f[^%z]"))
print(("a\0b"):gsub("%f[%z]", "<"), ("x"):find("%f[%z]"), ("x"):match("()%f[%z]"))
-- case: frontier_sets
print(("THE END"):gsub("%f[%u]", "^"), ("a1b2"):gsub("%f[%d]", "#"), ("a1b2"):gsub("%f[%D]", "#"))
print(("  x  "):gsub("%f[%S]", "["), ("  x  "):gsub("%f[%s]", "]"))
print(("abc"):find("%f[b]"), ("abc"):find("%f[abc]"), ("abc"):find("%f[^]]"))
-- case: frontier_errors
print(pcall(string.find, "abc", "%f"))
print(pcall(string.find, "abc", "%fa"))
print(pcall(string.find, "abc", "%f[a"))
print(pcall(string.find, "abc", "x%fa"))
local ok, e = pcall(function() return ("abc"):find("%f%a") end)
print(e)
-- case: malformed_patterns
print(pcall(string.find, "abc", "%"))
print(pcall(string.find, "abc", "a%"))
print(pcall(string.find, "abc", "["))
print(pcall(string.find, "abc", "[a"))
print(pcall(string.find, "abc", "[^"))
print(pcall(string.find, "abc", "[]"))
print(pcall(string.find, "abc", "[^]"))
print(pcall(string.find, "abc", "[%"))
print(pcall(string.find, "abc", "[a%]"))
print(pcall(string.gsub, "abc", "%", ""))
print(pcall(string.gmatch("abc", "[")))
-- case: malformed_lazy
print(string.find("abc", "x%"), string.find("abc", "x["), string.find("abc", "x%b"))
print(string.find("abc", "x%f"), string.find("abc", "x(%"), string.match("abc", "z)"))
print(pcall(string.find, "xbc", "x%"))
print(pcall(string.find, "axc", "x["))
print(string.gsub("abc", "x[", "y"), string.match("", "a["))
-- case: malformed_located
local ok, e = pcall(function() return string.find("abc", "[a") end)
print(e)
local ok, e = pcall(function() return ("abc"):gsub("%", "x") end)
print(e)
ok, e = pcall(function() local t = {} for w in ("x"):gmatch("%") do t[#t + 1] = w end end)
print(e)
-- case: pattern_too_complex
print(pcall(string.find, "", string.rep("a?", 250)))
print(pcall(string.find, "", string.rep("a?", 198)))
print(pcall(string.find, "", string.rep("a?", 199)))
print(pcall(string.find, "", string.rep("a?", 200)))
print(pcall(string.match, "b", string.rep("a*", 300)))
print(pcall(string.match, "b", "b" .. string.rep("a*", 300)))
print(pcall(string.match, string.rep("a", 300), string.rep("a", 300)))
-- case: pattern_too_complex_captures
print(pcall(string.find, "abc", string.rep("(", 20) .. string.rep(")", 20)))
print(pcall(string.find, "abc", "()" .. string.rep("%w-", 197)))
print(pcall(string.find, "abc", "()" .. string.rep("%w-", 198)))
-- case: pattern_nul
print(("a\0b"):find("\0"), ("a\0b"):find("%z"), pcall(string.find, "a\0b", "[\0]"))
print(("a\0b"):find("b\0"), ("a\0b"):find("[%z]"), ("a\0b"):find("[^%Z]"))
print(("ab"):find("b\0x"), ("ab"):find("b\0%"), ("ab"):match("(b)\0(x)"), ("ab"):find("\0.", 1))
print(("a\0b"):gsub("\0", "-"), ("a\0b"):gsub("%z", "-"), ("xyz"):gsub("y\0z", "Q"))
print(("a\0b\0c"):match("^(.-)%z"), #("a\0b"):match(".+"), ("\0\0"):find("%z+"))
-- case: pattern_long_subject
local s = string.rep("ab", 5000) .. "c"
print(s:find("c"), s:find("b*c"), s:find("(ab)*c"), #s:match("[ab]*"), s:find("%a+$"))
print(s:gsub("ab", "x"):len(), select(2, s:gsub("a", "")), s:match(".-c"):len())

-- case: gmatch_basic
for w in string.gmatch("one two three", "%a+") do io.write(w, ".") end
print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, v, ";") end
print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end
print()
for a, b in string.gmatch("abcd", "(.)(.)") do io.write(a, b, "|") end
print()
-- case: gmatch_empty_matches
for w in ("abc"):gmatch("x*") do io.write("[", w, "]") end
print()
for w in ("abc"):gmatch("") do io.write("[", w, "]") end
print()
for w in (""):gmatch(".*") do io.write("[", w, "]") end
print()
for w in ("a,b,,c"):gmatch("([^,]*)") do io.write("<", w, ">") end
print()
for a in ("xaxx"):gmatch("x-") do io.write("(", a, ")") end
print()
-- case: gmatch_anchor_is_literal
for w in ("^a^b"):gmatch("^.") do io.write(w, " ") end
print()
for w in ("hello"):gmatch("^h") do io.write(w, " ") end
print("done")
for w in ("a$b$"):gmatch(".$") do io.write(w, " ") end
print()
-- case: gmatch_iterator
local it = string.gmatch("a b c", "%a")
print(it(), it(), it(), it(), it())
print(type(it), select("#", it()))
local it2 = string.gmatch("12 34", "(%d)(%d)")
print(it2())
print(it2())
print(it2())
-- case: gmatch_upvalues
local it = string.gmatch("hello", "l")
print(debug.getupvalue(it, 1))
print(debug.getupvalue(it, 2))
print(debug.getupvalue(it, 3))
it()
print(select(2, debug.getupvalue(it, 3)) ~= 0)
print(debug.getinfo(it, "u").nups, debug.getinfo(it, "S").what)
-- case: gmatch_numbers_and_errors
for d in string.gmatch(12345, 3) do io.write(d, "!") end
print()
print(pcall(string.gmatch))
print(pcall(string.gmatch, "a"))
print(pcall(string.gmatch, "a", {}))
print(pcall(string.gmatch, nil, "a"))
local it = string.gmatch("abc", "%f")
print(pcall(it))
-- case: gmatch_modify_during
local s = "a1b2c3"
local out = {}
for l, d in s:gmatch("(%a)(%d)") do out[#out + 1] = l .. d s = "changed" end
print(table.concat(out, ","), s)

-- case: gsub_string_repl
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "(o)", "[%1]"))
print(string.gsub("hello world", "%w+", "%0 %0"))
print(string.gsub("abc", "", "-"))
print(string.gsub("abc", ".", "%%"))
print(string.gsub("abc", "b", "%1"))
print(string.gsub("hello", "(l)(l)", "%2%1"))
-- case: gsub_repl_escapes
print(string.gsub("abc", "b", "%a"))
print(string.gsub("abc", "b", "%%%"))
print((string.gsub("abc", "b", "x%")):byte(1, -1))
print(string.gsub("abc", "b", "%x%y%z"))
print(string.gsub("abc", "(b)", "%0%1%0"))
print(string.gsub("abc", "b", "\0"):byte(1, -1))
print(string.gsub("a.b", "%.", "%."))
-- case: gsub_repl_capture_errors
print(pcall(string.gsub, "abc", "b", "%2"))
print(pcall(string.gsub, "abc", "(b)", "%2"))
print(pcall(string.gsub, "abc", "(b)", "%9"))
print(pcall(string.gsub, "abc", "x", "%5"))
local ok, e = pcall(function() return ("abc"):gsub("(a)", "%3") end)
print(e)
-- case: gsub_position_captures
print(string.gsub("hello", "()l", "%1"))
print(string.gsub("abc", "()", "[%1]"))
print(string.gsub("abc", "()(.)", "%2%1"))
print(string.gsub("abc", "().", function(p) return p * 10 end))
print(string.gsub("abc", "().", {[1] = "one", [3] = 3.5}))
-- case: gsub_number_repl
print(string.gsub("abc", "b", 42))
print(string.gsub("abc", "b", 1.5))
print(string.gsub("a1b", "%d", 1e100))
print(string.gsub(123, 2, 9))
-- case: gsub_function_repl
print(string.gsub("hello world", "%w+", string.upper))
print(string.gsub("hello", "l", function() end))
print(string.gsub("hello", "l", function() return false end))
print(string.gsub("hello", "l", function() return nil, "x" end))
print(string.gsub("hello", "l", function(c) return 7 end))
print(string.gsub("hello", "(h)(e)", function(a, b) return b .. a end))
print(string.gsub("abc", "%w", function(c) return c:byte() .. "," end))
-- case: gsub_function_args
string.gsub("key=val", "(%w+)=(%w+)", function(...) print(select("#", ...), ...) end)
string.gsub("abc", "b", function(...) print(select("#", ...), ...) end)
string.gsub("abc", "()b()", function(...) print(select("#", ...), ...) end)
-- case: gsub_table_repl
local t = {hello = "HI", world = false, n = 12}
print(string.gsub("hello world n x", "%w+", t))
print(string.gsub("$a $b", "%$(%w+)", {a = 1, b = 2.5}))
print(string.gsub("abc", "(a)(b)", {a = "first"}))
local mt = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("abc def", "%w+", mt))
-- case: gsub_bad_repl_values
print(pcall(string.gsub, "abc", "b", function() return {} end))
print(pcall(string.gsub, "abc", "b", function() return true end))
print(pcall(string.gsub, "abc", "b", {b = {}}))
print(pcall(string.gsub, "abc", "b", {b = print}))
local ok, e = pcall(function() return ("abc"):gsub("b", function() return coroutine.create(print) end) end)
print(e)
-- case: gsub_repl_type_errors
print(pcall(string.gsub, "abc", "b"))
print(pcall(string.gsub, "abc", "b", nil))
print(pcall(string.gsub, "abc", "b", true))
print(pcall(string.gsub, "abc", "b", coroutine.create(print)))
print(pcall(string.gsub))
print(pcall(string.gsub, "abc"))
print(pcall(string.gsub, "abc", {}, "x"))
print(pcall(string.gsub, "abc", "b", "x", "y"))
print(pcall(string.gsub, "abc", "b", "x", {}))
local ok, e = pcall(function() return ("abc"):gsub("b") end)
print(e)
-- case: gsub_max_n
print(string.gsub("aaaa", "a", "b", 2))
print(string.gsub("aaaa", "a", "b", 0))
print(string.gsub("aaaa", "a", "b", -1))
print(string.gsub("aaaa", "a", "b", 10))
print(string.gsub("aaaa", "a", "b", 2.9))
print(string.gsub("aaaa", "a", "b", "3"))
print(string.gsub("aaaa", "", "-", 2))
print(string.gsub("aaaa", "a", "b", nil))
print(string.gsub("aaaa", "a", "b", 2^32 + 1))
print(string.gsub("aaaa", "a", "b", 0 / 0))
print(string.gsub("aaaa", "a", "b", 1 / 0))
-- case: gsub_anchor
print(string.gsub("hello hello", "^hello", "bye"))
print(string.gsub("hello", "^", ">"))
print(string.gsub("hello", "^x*", "-"))
print(string.gsub("abc", "^.", "X"))
print(string.gsub("xabc", "^a", "X"))
print(string.gsub("", "^", "!"))
print(string.gsub("aaa", "^a*", "-"))
-- case: gsub_empty_matches
print(string.gsub("abc", "x*", "-"))
print(string.gsub("abc", "b*", "-"))
print(string.gsub("abc", ".-", "-"))
print(string.gsub("", "x*", "-"))
print(string.gsub("abc", "%f[%w]", "|"))
print(string.gsub("a b", "%s*", "_"))
print(string.gsub("hello world", "o*", "0"))
-- case: gsub_end_anchor
print(string.gsub("hello", "o$", "!"))
print(string.gsub("hello", "$", "!"))
print(string.gsub("hello", ".$", "%0%0"))
print(string.gsub("a$b", "$b", "X"))
-- case: gsub_function_modifies
local n = 0
print(string.gsub("a a a", "a", function() n = n + 1 return n end))
local calls = {}
print(string.gsub("x y", "%a", function(c) calls[#calls + 1] = c return c .. c end))
print(table.concat(calls, ","))
-- case: gsub_function_errors
print(pcall(string.gsub, "abc", "b", function() error("inner") end))
print(pcall(string.gsub, "abc", "b", function() error({}) end))
local ok, e = pcall(function()
  return ("abc"):gsub("b", function() local x = nil return x.y end)
end)
print(e)
-- case: gsub_yield_across
local co = coroutine.create(function()
  return string.gsub("abc", "b", function(c) return coroutine.yield(c) end)
end)
print(coroutine.resume(co))
-- case: gsub_nested
print(string.gsub("a(b(c))", "%b()", function(s) return (s:gsub("%a", string.upper)) end))
print(string.gsub("x", "x", function() return string.gsub("yy", "y", "z") end))
-- case: gsub_recursion
local function expand(s)
  return (s:gsub("{(%w+)}", function(k) return expand(({a = "{b}!", b = "B"})[k] or "?") end))
end
print(expand("<{a}> <{c}>"))
-- case: gsub_large
local s = string.rep("hello ", 2000)
local r, n = s:gsub("hello", "bye")
print(#r, n, r:sub(1, 20))
local r2, n2 = s:gsub("%s", "")
print(#r2, n2)
local r3, n3 = s:gsub("(h)(e)", "%2%1", 1000)
print(#r3, n3, r3:sub(-12))

-- case: format_literals
print(string.format("hello"), string.format(""), string.format("100%%"), string.format("%%d"))
print(string.format("a%%b%%c", 1), string.format("%%"), string.format("x\0y"):byte(1, -1))
print(string.format("%s %%s %s", 1, 2))
-- case: format_d
print(string.format("%d %d %d %d", 0, 42, -42, 2147483647))
print(string.format("%d %d %d", 2147483648, -2147483649, 2^53))
print(string.format("%d %d %d", 3.7, -3.7, 0.5))
print(string.format("%d %d %d", 1e100, -1e100, 2^63))
print(string.format("%d %d %d", 1 / 0, -1 / 0, 0 / 0))
print(string.format("%d %i", "12", "0x10"), string.format("%i", -0.0))
-- case: format_d_flags
print(string.format("[%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+5d]", 42, 42, 42, 42, 42, 42, 42))
print(string.format("[%05d] [%+05d] [% 05d] [%-05d]", -42, 42, 42, 42))
print(string.format("[%.3d] [%.0d] [%.0d] [%5.3d] [%-5.3d] [%05.3d]", 7, 0, 1, -7, 7, 7))
print(string.format("[%+ d] [% +d] [%#d] [%+.0d]", 5, 5, 5, 0))
print(string.format("[%99d]", 1):len(), string.format("[%.99d]", 1):len())
-- case: format_u
print(string.format("%u %u %u %u", 0, 42, -1, 2^32))
print(string.format("%u %u %u", 2^63, 2^64, 1e300))
print(string.format("%u %u %u", -2^63, 0 / 0, 3.9))
print(string.format("[%5u] [%-5u] [%05u] [%+u] [% u] [%.3u]", 7, 7, 7, 7, 7, 7))
-- case: format_x_o
print(string.format("%x %X %x %X", 255, 255, 0, 3735928559))
print(string.format("%x %x %x", -1, 2^53, -2^63))
print(string.format("%#x %#X %#x %#o %#o", 255, 255, 0, 8, 0))
print(string.format("%o %o %o", 8, 0, -1))
print(string.format("[%08x] [%-8x] [%#08x] [%#-8x] [%.4x] [%#.4x]", 255, 255, 255, 255, 255, 255))
print(string.format("[%+x] [% x] [%#5o] [%05o] [%.0x] [%#.0o]", 255, 255, 8, 8, 0, 0))
print(string.format("%x %x", 1.9, -1.9), string.format("%x", 2^64 + 2^12))
-- case: format_c
print(string.format("%c%c%c", 72, 105, 33))
print(string.format("[%5c] [%-5c] [%05c]", 65, 66, 67))
print(string.format("%c", 0):byte(), string.format("%c", 256):byte(), string.format("%c", -1):byte())
print(string.format("%c", 65.9), string.format("%c", "66"))
print(pcall(string.format, "%c", "x"))
-- case: format_f
print(string.format("%f %f %f %f", 0, 1, -1, 3.14159265358979))
print(string.format("%.0f %.1f %.2f %.3f %.10f", 2.5, 0.05, 1.005, 2.0005, 1 / 3))
print(string.format("%f %f %f", 1e15, 1e20, 1e-7))
print(string.format("%.20f", 0.1))
print(string.format("%.99f", 1 / 3))
print(string.format("%f", 2^1023 * 1.5))
print(string.format("%F %F", 1.5, 1 / 0))
-- case: format_f_ties
print(string.format("%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5, -0.5))
print(string.format("%.1f %.1f %.1f %.1f", 0.25, 0.75, 0.125, 1.25))
print(string.format("%.2f %.2f %.2f %.2f", 0.125, 0.375, 2.675, 1.005))
print(string.format("%.3f %.3f %.4f", 0.0625, 1.0005, 0.03125))
print(string.format("%.0f %.0f %.0f", 1e15 + 0.5, 4503599627370495.5, 4503599627370496.5))
-- case: format_f_flags
print(string.format("[%10.3f] [%-10.3f] [%010.3f] [%+.3f] [% .3f] [%+010.2f]", 3.14159, 3.14159, -3.14159, 3.14159, 3.14159, 3.14159))
print(string.format("[%#.0f] [%.0f] [%#f] [%-+8.1f] [% 08.2f]", 3, 3, 1, 2.5, -2.5))
print(string.format("[%5.1f] [%05.1f] [%-5.1f]", -0.0, -0.0, 0.0))
-- case: format_e
print(string.format("%e %e %e %e", 0, 1, -1, 12345.6789))
print(string.format("%.0e %.1e %.2e %.10e", 12345, 0.00012345, 9.995, 1 / 3))
print(string.format("%e %e %e", 1e300, 1e-300, 5e-324))
print(string.format("%E %.3E", 123.456, 0.000123456))
print(string.format("%.0e %.0e %.1e %.1e %.2e", 2.5, 1.5, 0.25, 0.125, 1.125))
print(string.format("%.99e", 1 / 7))
print(string.format("%e %e", 1e100, 9.9999999e99))
-- case: format_e_flags
print(string.format("[%15.3e] [%-15.3e] [%015.3e] [%+e] [% e]", 1234.5, 1234.5, -1234.5, 1.5, 1.5))
print(string.format("[%#.0e] [%.0e] [%#e] [%+#.0E]", 3, 3, 1, 4))
-- case: format_g
print(string.format("%g %g %g %g %g", 0, 1, -1, 0.1, 100))
print(string.format("%g %g %g %g", 1e6, 1e7, 123456, 1234567))
print(string.format("%g %g %g %g", 1e-4, 1e-5, 0.00012345, 123.456))
print(string.format("%g %g %g", 1e300, 2^53, 2^63))
print(string.format("%G %G %G", 1e-10, 1e20, 1.5))
print(string.format("%.0g %.1g %.2g %.3g %.10g %.20g", 123.456, 123.456, 123.456, 123.456, 1 / 3, 0.1))
print(string.format("%.14g %.14g %.14g %.17g", 0.1, 1 / 3, 100, 0.1))
-- case: format_g_flags
print(string.format("[%10g] [%-10g] [%010g] [%+g] [% g] [%#g] [%#.3g]", 1.5, 1.5, -1.5, 1.5, 1.5, 1.5, 1))
print(string.format("[%#g] [%#.0g] [%#10.3g] [%g] [%.3g]", 100000, 5, 1e10, 1e-5, 0.0001234))
print(string.format("[%g] [%g] [%.1g] [%.2g] [%g]", 2.5, 0.5, 0.25, 0.125, 999999.5))
print(string.format("[%8g] [%8g] [%-8g|] [%08g]", 1e-5, 123456789, 1e20, 1e-20))
-- case: format_a
print(string.format("%a %a %a %a", 0, 1, -1, 0.5))
print(string.format("%a %a %a", 1 / 3, 2^1023, 5e-324))
print(string.format("%A %A", 255.5, 1e-300))
print(string.format("%.0a %.1a %.2a %.13a %.20a", 1.75, 1.75, 1 / 3, 1 / 3, 1 / 3))
print(string.format("[%20a] [%-20a] [%020a] [%+a] [% a] [%#a] [%#.0a]", 1.5, 1.5, -1.5, 1, 1, 1, 1))
print(string.format("%a %a %.0a %.1a", 0.1, -0.0, 1.5, 1.96875))
-- case: format_nonfinite
print(string.format("%f %f %f %e %g %a", 1 / 0, -1 / 0, 0 / 0, 1 / 0, -1 / 0, 0 / 0))
print(string.format("%F %E %G %A", 1 / 0, -1 / 0, 0 / 0, 1 / 0))
print(string.format("[%8f] [%-8f] [%08f] [%+f] [% f] [%+f] [% f]", 1 / 0, 1 / 0, -1 / 0, 1 / 0, 1 / 0, 0 / 0, 0 / 0))
print(string.format("%.3f %5.1e %d", -(0 / 0), 0 / 0, 1 / 0))
print(tostring(0 / 0), tostring(-(0 / 0)), 1 / 0, -1 / 0, 0 / 0 .. "")
-- case: format_s
print(string.format("%s %s %s %s %s", "x", 1, 1.5, true, nil))
print(string.format("[%10s] [%-10s] [%.2s] [%10.2s] [%-10.2s|] [%.0s]", "abc", "abc", "abc", "abc", "abc", "abc"))
print(string.format("[%s]", "a\0b"):byte(1, -1))
print(string.format("%s %s", 1e100, -0.0), string.format("%s", 2^53))
print(string.format("%05s|%+s|% s|%#s", "ab", "ab", "ab", "ab"))
print(string.format("%s", string.rep("x", 100)):len(), string.format("%.5s", string.rep("y", 100)))
-- case: format_s_objects
print((string.format("%s %s", {}, print):gsub("0x%x+", "ADDR")))
print((string.format("%s", function() end):gsub("0x%x+", "ADDR")))
print(string.format("%s %s", string.format, coroutine.create(print)):gsub("0x%x+", "ADDR"))
-- case: format_s_tostring
local t = setmetatable({}, {__tostring = function() return "T!" end})
print(string.format("%s|%5s|%-5s|%.1s", t, t, t, t))
local u = setmetatable({}, {__tostring = function() return 42 end})
print(string.format("%s", u))
local v = setmetatable({}, {__tostring = function() return {} end})
print((string.format("%s", v):gsub("0x%x+", "ADDR")))
local w = setmetatable({}, {__tostring = function() end})
print(string.format("%s", w))
local x = setmetatable({}, {__tostring = function() return true end})
print(string.format("[%s]", x))
-- case: format_s_tostring_calls
local n = 0
local t = setmetatable({}, {__tostring = function(self) n = n + 1 return "call" .. n end})
print(string.format("%s %s %s", t, t, t), n)
print(string.format("%q", t), n)
print(pcall(string.format, "%s %d", t, "x"), n)
-- case: format_s_tostring_error
local t = setmetatable({}, {__tostring = function() error("ts failed") end})
print(pcall(string.format, "%s", t))
local u = setmetatable({}, {__tostring = "notafunction"})
print(pcall(string.format, "%s", u))
-- case: format_q
print(string.format("%q", "hello"))
print(string.format("%q", 'a "quoted" \\ string'))
print(string.format("%q", "line1\nline2"))
print(string.format("%q", "\r\t\0\1\31\127\128\255"))
print(string.format("%q", "\0001\0012\0123\1274"))
print(string.format("%q", "\0\1"), string.format("%q", "\0a"), string.format("%q", "\9" .. "9"))
-- case: format_q_other_types
print(string.format("%q %q %q", 1, 1.5, -0.0))
print(string.format("%q %q", true, nil))
print(string.format("%q", 1e100), string.format("%q", 0 / 0))
print(string.format("[%10q] [%-10q] [%.1q]", "a", "b", "cde"))
-- case: format_p
print(string.format("%p %p %p %p", 1, nil, true, "x" and false))
local a = string.format("%p", {})
print(a:match("^0x%x+$") ~= nil, string.format("%p", print):match("^0x") ~= nil)
local t = {}
print(string.format("%p", t) == string.format("%p", t), string.format("%5p", 1))
-- case: format_invalid_options
print(pcall(string.format, "%y"))
print(pcall(string.format, "%"))
print(pcall(string.format, "abc%"))
print(pcall(string.format, "%l", 1))
print(pcall(string.format, "%z", 1))
print(pcall(string.format, "%b", 1))
print(pcall(string.format, "%n", 1))
print(pcall(string.format, "%h", 1))
print(pcall(string.format, "%B", 1))
print(pcall(string.format, "%5.2y", 1))
print(pcall(string.format, "%-#5ly", 1))
-- case: format_invalid_width_precision
print(pcall(string.format, "%100d", 1))
print(pcall(string.format, "%.100f", 1))
print(pcall(string.format, "%123.4f", 1))
print(pcall(string.format, "%1.234f", 1))
print(select(2, pcall(string.format, "%99.99f", 1)):len())
print(pcall(string.format, "%--5d", 1))
print(pcall(string.format, "%++5d", 1))
print(pcall(string.format, "%000005d", 1))
print(pcall(string.format, "%-+ #0-+ #05d", 1))
-- case: format_invalid_option_chars
print(pcall(string.format, "%\0d", 1))
print(pcall(string.format, "%\1", 1))
print(pcall(string.format, "%\255", 1))
print(pcall(string.format, "%!", 1))
print(pcall(string.format, "%$d", 1))
print(pcall(string.format, "%.", 1))
print(pcall(string.format, "%5", 1))
print(pcall(string.format, "%5.", 1))
-- case: format_invalid_after_args
print(pcall(string.format, "%d %y", 5))
print(pcall(string.format, "%d %y", "x"))
print(pcall(string.format, "%y %d", "x"))
local ok, e = pcall(function() return string.format("%d %y", 5) end)
print(e)
local ok, e = pcall(function() return ("%w"):format(1) end)
print(e)
-- case: format_missing_args
print(pcall(string.format, "%d"))
print(pcall(string.format, "%d %d", 1))
print(pcall(string.format, "%s %s %s", 1, 2))
print(pcall(string.format, "%s", nil))
print(pcall(string.format))
print(pcall(string.format, nil))
print(pcall(string.format, {}))
print(string.format(12), string.format(1.5))
local ok, e = pcall(function() return string.format("%s %s", 1) end)
print(e)
-- case: format_bad_arg_types
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%d", {}))
print(pcall(string.format, "%f", "1.5x"))
print(pcall(string.format, "%x", nil))
print(pcall(string.format, "%c", true))
print(pcall(string.format, "%e", print))
print(pcall(string.format, "%5.2f %d", 1, false))
print(string.format("%f %d %x", "1.5", " 7 ", "0x1f"))
local ok, e = pcall(function() return ("%d"):format("z") end)
print(e)
-- case: format_extra_args
print(string.format("%d", 1, 2, 3), string.format("x", {}, nil), string.format("%s", "a", print))
-- case: format_mixed
print(string.format("%-10s|%5d|%8.3f|%x|%q", "name", 42, math.pi, 48879, "q"))
print(string.format("%3d%%: %s", 50, "half"))
print(string.format("%s=%d (%5.1f%%)", "cpu", 3, 12.345))
print(string.format("<%s><%d><%s>", "a", 1, "b"):rep(2))
-- case: format_many_args
local t = {}
for i = 1, 200 do t[i] = i end
local f = string.rep("%d,", 200)
local s = string.format(f, unpack(t))
print(#s, s:sub(1, 20), s:sub(-12))
-- case: format_large_output
print(#string.format("%s%s%s", string.rep("a", 10000), string.rep("b", 10000), "c"))
print(#string.format("%099d|%-99s|%99.99f", 1, "x", 1))
-- case: format_g14_tostring
for _, x in ipairs({0.1, 1 / 3, 100, 1e15, 1e16, 2^53, 123456789012345, 0.1 + 0.2, -1e-300, 5e-324}) do
  io.write(string.format("%.14g", x), " ", tostring(x), " ")
end
print()
-- case: format_int_precision_edges
print(string.format("%d %d %d", 2^53 + 1, -2^53 - 1, 9007199254740993))
print(string.format("%.0f %.0f", 2^53 + 1, 9007199254740993))
print(string.format("%d %u %x %o", -2^63, -2^63, -2^63, -2^63))
print(string.format("%d %u", 2^63 - 1024, 2^64 - 2048))

-- case: dump_basic
local f = function(a, b) return a + b end
local d = string.dump(f)
print(type(d), d:sub(1, 4) == "\27LJ\2", d:byte(5))
local s = string.dump(f, true)
print(s:byte(5), #s < #d, s:sub(-1):byte())
print(string.dump(f) == d, string.dump(f, false) == d, string.dump(f, nil) == d, string.dump(f, 1) == s)
-- case: dump_hex_plain
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.dump(loadstring("return 1", "=c"))))
print(hex(string.dump(loadstring("return 1", "=c"), true)))
print(hex(string.dump(loadstring("local a, b = ... return a * b + 1.5", "@file.lua"))))
print(hex(string.dump(loadstring("return 'str', -1, 2^31, -2^31, 1e100, -0.25", "=k"))))
-- case: dump_hex_functions
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local src = [[
local x = 1
local function inner(a, ...)
  local t = {...}
  for i = 1, #t do x = x + t[i] end
  for k, v in pairs(t) do x = x + v end
  return function() return x, a end
end
return inner
]]
local f = loadstring(src, "=src")
print(hex(string.dump(f)))
print(hex(string.dump(f, true)))
print(hex(string.dump(f())))
-- case: dump_hex_tables
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.dump(loadstring("return {1, 2, 3, 'a', true, false}", "=t"))))
print(hex(string.dump(loadstring("return {x = 1}, {[1] = 1.5, [2] = -3, [10] = 7, [0.5] = 0}", "=t"))))
print(hex(string.dump(loadstring("return {{}, {1}, nil, {{2}}}", "=t"))))
print(hex(string.dump(loadstring("return {1, nil, 3, [-1] = true, [2^31] = false}", "=t"), true)))
-- case: dump_hex_control_flow
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local src = [[
local n = 0
while n < 10 do
  n = n + 1
  if n % 2 == 0 then goto continue end
  repeat n = n + 0 until true
  ::continue::
end
return n
]]
print(hex(string.dump(loadstring(src, "=cf"))))
-- case: dump_long_lines
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local src = "local a = 1" .. string.rep("\n", 300) .. "return a"
print(hex(string.dump(loadstring(src, "=long"))))
src = "local a = 1" .. string.rep("\n", 70000) .. "return a"
local d = string.dump(loadstring(src, "=verylong"))
print(#d, hex(d:sub(1, 40)), hex(d:sub(-20)))
-- case: dump_builtins
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.dump(string.len)))
print(hex(string.dump(math.deg)))
print(#string.dump(table.remove), #string.dump(table.foreach, true))
-- case: dump_errors
print(pcall(string.dump))
print(pcall(string.dump, print))
print(pcall(string.dump, string.format))
print(pcall(string.dump, "x"))
print(pcall(string.dump, {}))
print(pcall(string.dump, coroutine.wrap(print)))
local ok, e = pcall(function() return string.dump(print) end)
print(e)
-- case: dump_loadstring_roundtrip
local f = loadstring("local a, b = ... return (a or 0) + (b or 0), 'ok'", "=rt")
local g = assert(loadstring(string.dump(f)))
print(g(2, 3))
print(string.dump(g) == string.dump(f))
local h = assert(loadstring(string.dump(f, true)))
print(h(4, 5))
print(debug.getinfo(g, "S").source, #debug.getinfo(h, "S").source)
-- case: dump_load_stripped_errors
local f = loadstring("local a = nil; return a.b", "=orig")
print(pcall(loadstring(string.dump(f, true))))
print(pcall(load(string.dump(f, true), "=named")))
print(pcall(load(string.dump(f))))
local g = load(string.dump(f, true), "=named")
local i = debug.getinfo(g)
print(i.linedefined, i.lastlinedefined, i.what, i.currentline, i.short_src)
-- case: dump_load_upvalues
local up = 5
local function clo() up = up + 1 return up end
local c2 = loadstring(string.dump(clo))
print(pcall(c2))
print(debug.getupvalue(c2, 1))
debug.setupvalue(c2, 1, 10)
print(c2(), c2())
-- case: dump_load_bad_chunks
local good = string.dump(loadstring("return 1", "=c"))
for _, b in ipairs({"\27LJ", "\27LJ\1\8", "\27LJ\2\8\1x", good:sub(1, -2), good .. "x", "\27"}) do
  print(loadstring(b, "=nm"))
end
print(loadstring("\27LJ\2\8"))
print(load(good:sub(1, 10), "@f.lua"))
-- case: dump_load_nested_protos
local src = "local function a() return 1 end local function b() return a() + 1 end return function() return b() * 10 end"
local f = loadstring(src, "=nest")
local g = loadstring(string.dump(f))
print(g()())
print(loadstring(string.dump(f, true))()())

-- case: len_operator_and_method
local s = "abc"
print(#s, s:len(), ("x"):len(), #("\0"):rep(5))
-- case: upper_lower_methods_on_numbers
print(pcall(function() return (5):upper() end))
print(("5"):upper(), ("ABC"):lower():upper():reverse())
-- case: tostring_numbers_in_string_functions
print(string.rep(0.1, 2, "|"), string.sub(1 / 3, 1, 8), string.upper(-0.0), string.len(2^63))
print(string.find(1e15, "e"), string.find(1e14, "0+"), string.reverse(123456789012345))
print(("x"):rep(2, 0.5), string.gsub(1.25, "%.", ","))
-- case: bad_self_errors
print(pcall(function() return ("abc").upper() end))
print(pcall(function() return ("abc").sub() end))
local ok, e = pcall(function() local s = 1 return s.upper end)
print(e)
local ok, e = pcall(function() return string.upper({}) end)
print(e)
local ok, e = pcall(function() local t = {f = string.rep} return t.f() end)
print(e)
local ok, e = pcall(function() local t = {f = string.rep} return t:f() end)
print(e)
-- case: uncaught_pattern_error
local function f() local r = ("abc"):find("[a") return r end
f()
-- case: uncaught_pattern_error_tailcall
local function f() return ("abc"):find("[a") end
f()
-- case: uncaught_format_error
print("before")
string.format("%d", "nope")
-- case: uncaught_gsub_repl_error
string.gsub("abc", "b", {b = true})

-- case: fmt_grid_d
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " 0", "+-", "#0"}
local vals = {0, 7, -7, 123456, -2147483648}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "1", "8", ".0", ".3", "8.3", "12.6"}) do
    local f = "%" .. fl .. wp .. "d"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_i
local flags = {"", "-", "+", " ", "#", "0", "-0", "#0", "-#", " #"}
local vals = {0, 1, 8, 255, -1, 4294967296, 2^53}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "2", "10", ".0", ".4", "10.4", "22"}) do
    local f = "%" .. fl .. wp .. "i"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_u
local flags = {"", "-", "+", " ", "#", "0", "-0", "#0", "-#", " #"}
local vals = {0, 1, 8, 255, -1, 4294967296, 2^53}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "2", "10", ".0", ".4", "10.4", "22"}) do
    local f = "%" .. fl .. wp .. "u"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_x
local flags = {"", "-", "+", " ", "#", "0", "-0", "#0", "-#", " #"}
local vals = {0, 1, 8, 255, -1, 4294967296, 2^53}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "2", "10", ".0", ".4", "10.4", "22"}) do
    local f = "%" .. fl .. wp .. "x"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_X
local flags = {"", "-", "+", " ", "#", "0", "-0", "#0", "-#", " #"}
local vals = {0, 1, 8, 255, -1, 4294967296, 2^53}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "2", "10", ".0", ".4", "10.4", "22"}) do
    local f = "%" .. fl .. wp .. "X"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_o
local flags = {"", "-", "+", " ", "#", "0", "-0", "#0", "-#", " #"}
local vals = {0, 1, 8, 255, -1, 4294967296, 2^53}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "2", "10", ".0", ".4", "10.4", "22"}) do
    local f = "%" .. fl .. wp .. "o"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_e
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "e"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_E
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "E"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_f
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "f"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_F
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "F"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_g
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "g"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_G
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "G"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_a
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "a"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_A
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "+ "}
local vals = {0, -0.0, 1, -1.5, 0.1, 123.456, 1e-5, 1e21, 2^-1074, 1 / 0, 0 / 0}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "5", "14", ".", ".0", ".1", ".3", "12.4", "30.17"}) do
    local f = "%" .. fl .. wp .. "A"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, v), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_c
local flags = {"", "-", "+", " ", "#", "0", "-0"}
local vals = {65, 10, 0, 200}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "1", "4", ".0", ".2", "6.2"}) do
    local f = "%" .. fl .. wp .. "c"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, "c" == "c" and v or string.char(v, 49)), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_s
local flags = {"", "-", "+", " ", "#", "0", "-0"}
local vals = {65, 10, 0, 200}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "1", "4", ".0", ".2", "6.2"}) do
    local f = "%" .. fl .. wp .. "s"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, "s" == "c" and v or string.char(v, 49)), "]") end
    io.write("\n")
  end
end
-- case: fmt_grid_q
local flags = {"", "-", "+", " ", "#", "0", "-0"}
local vals = {65, 10, 0, 200}
for _, fl in ipairs(flags) do
  for _, wp in ipairs({"", "1", "4", ".0", ".2", "6.2"}) do
    local f = "%" .. fl .. wp .. "q"
    io.write(f, "=")
    for _, v in ipairs(vals) do io.write("[", string.format(f, "q" == "c" and v or string.char(v, 49)), "]") end
    io.write("\n")
  end
end
-- case: class_a
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%a", show("%a"))
print("%A", show("%A"))
print("[%a]", show("[%a]+"))
print("[^%a]", show("[^%a]+"))
print(s:find("%a"), s:find("%A"), select(2, s:gsub("%a", "")))
-- case: class_c
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%c", show("%c"))
print("%C", show("%C"))
print("[%c]", show("[%c]+"))
print("[^%c]", show("[^%c]+"))
print(s:find("%c"), s:find("%C"), select(2, s:gsub("%c", "")))
-- case: class_d
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%d", show("%d"))
print("%D", show("%D"))
print("[%d]", show("[%d]+"))
print("[^%d]", show("[^%d]+"))
print(s:find("%d"), s:find("%D"), select(2, s:gsub("%d", "")))
-- case: class_g
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%g", show("%g"))
print("%G", show("%G"))
print("[%g]", show("[%g]+"))
print("[^%g]", show("[^%g]+"))
print(s:find("%g"), s:find("%G"), select(2, s:gsub("%g", "")))
-- case: class_l
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%l", show("%l"))
print("%L", show("%L"))
print("[%l]", show("[%l]+"))
print("[^%l]", show("[^%l]+"))
print(s:find("%l"), s:find("%L"), select(2, s:gsub("%l", "")))
-- case: class_p
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%p", show("%p"))
print("%P", show("%P"))
print("[%p]", show("[%p]+"))
print("[^%p]", show("[^%p]+"))
print(s:find("%p"), s:find("%P"), select(2, s:gsub("%p", "")))
-- case: class_s
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%s", show("%s"))
print("%S", show("%S"))
print("[%s]", show("[%s]+"))
print("[^%s]", show("[^%s]+"))
print(s:find("%s"), s:find("%S"), select(2, s:gsub("%s", "")))
-- case: class_u
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%u", show("%u"))
print("%U", show("%U"))
print("[%u]", show("[%u]+"))
print("[^%u]", show("[^%u]+"))
print(s:find("%u"), s:find("%U"), select(2, s:gsub("%u", "")))
-- case: class_w
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%w", show("%w"))
print("%W", show("%W"))
print("[%w]", show("[%w]+"))
print("[^%w]", show("[^%w]+"))
print(s:find("%w"), s:find("%W"), select(2, s:gsub("%w", "")))
-- case: class_x
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%x", show("%x"))
print("%X", show("%X"))
print("[%x]", show("[%x]+"))
print("[^%x]", show("[^%x]+"))
print(s:find("%x"), s:find("%X"), select(2, s:gsub("%x", "")))
-- case: class_z
local s = "Az09 _!?\t\n\v\f\r\0\1\31\127\128\255{}[]~@"
local function show(p)
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = string.format("%q", m) end
  return table.concat(out, " ")
end
print("%z", show("%z"))
print("%Z", show("%Z"))
print("[%z]", show("[%z]+"))
print("[^%z]", show("[^%z]+"))
print(s:find("%z"), s:find("%Z"), select(2, s:gsub("%z", "")))

-- case: idiom_split
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(table.concat(split("a,b,,c", ","), "|"), #split("", ","), table.concat(split("1.2.3", "."), "|"))
-- case: idiom_trim
local function trim1(s) return (s:gsub("^%s*(.-)%s*$", "%1")) end
local function trim2(s) return s:match("^%s*(.-)%s*$") end
local function trim3(s) local from = s:match("^%s*()") return from > #s and "" or s:match(".*%S", from) end
for _, s in ipairs({"  a b  ", "", "   ", "x", "\t\nx\n\t"}) do
  io.write("[", trim1(s), "][", trim2(s), "][", trim3(s), "] ")
end
print()
-- case: idiom_words
local text = "The quick brown fox jumps over the lazy dog. The end!"
local count, longest = 0, ""
for w in text:gmatch("%a+") do
  count = count + 1
  if #w > #longest then longest = w end
end
print(count, longest, select(2, text:gsub("%f[%a]%u", "")), text:lower():gsub("the", "THE"))
-- case: idiom_url
local function unescape(s) return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)) end
local function escape(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end)) end
print(unescape("a%20b%2Fc%3f"), escape("a b/c?é"), unescape(escape("x y=z&w")))
-- case: idiom_csv
local line = 'a,"b,c",d,"e ""q"" f",,g'
local fields, pos = {}, 1
while pos <= #line + 1 do
  local c = line:sub(pos, pos)
  if c == '"' then
    local txt, i = "", pos + 1
    while true do
      local a, b = line:find('"', i, true)
      txt = txt .. line:sub(i, a - 1)
      if line:sub(b + 1, b + 1) == '"' then txt = txt .. '"' i = b + 2 else pos = b + 2 break end
    end
    fields[#fields + 1] = txt
  else
    local e = line:find(",", pos, true) or #line + 1
    fields[#fields + 1] = line:sub(pos, e - 1)
    pos = e + 1
  end
end
print(#fields, table.concat(fields, "|"))
-- case: idiom_template
local vars = {name = "World", n = 3}
print((("Hello, ${name}! You have ${n} messages. ${missing}"):gsub("%${(%w+)}", function(k)
  return vars[k] and tostring(vars[k]) or "${" .. k .. "}"
end)))
-- case: idiom_camel_snake
local function snake(s) return (s:gsub("(%l)(%u)", "%1_%2"):lower()) end
local function camel(s) return (s:gsub("_(%a)", string.upper)) end
print(snake("someVariableName"), camel("some_variable_name"), snake("HTTPServer"), camel("__x"))
-- case: idiom_hex_dump
local s = "Hello\0\255"
print((s:gsub(".", function(c) return string.format("%02x ", c:byte()) end)))
print((("48656c6c6f"):gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)))
-- case: idiom_number_parse
for _, s in ipairs({"12", "-3.5e2", "0x1F", "abc", "1e", " 7 ", "1,000"}) do
  local m = s:match("^%s*([%+%-]?%d+%.?%d*[eE]?[%+%-]?%d*)%s*$")
  io.write(s, "->", tostring(m), " ")
end
print()
-- case: idiom_balanced_args
local code = "f(a, g(b, c), (d))"
local name, args = code:match("^(%w+)(%b())$")
print(name, args, args:sub(2, -2))
for arg in args:sub(2, -2):gmatch("[^,]+") do io.write("<", arg, ">") end
print()
-- case: idiom_lines
local text = "line1\nline2\r\nline3\n\nlast"
for l in (text .. "\n"):gmatch("(.-)\r?\n") do io.write("[", l, "]") end
print()
local n = select(2, text:gsub("\n", "\n"))
print(n)
-- case: idiom_wrap
local function wrap(s, w)
  return (s:gsub("(" .. ("."):rep(w) .. ")", "%1\n"))
end
print(wrap("abcdefghij", 3))
-- case: idiom_pad_and_align
for _, r in ipairs({{"apple", 1.5}, {"kiwi", 12}, {"banana", 100.25}}) do
  print(string.format("|%-8s|%8.2f|%-6d|%06.1f|", r[1], r[2], r[2], r[2]))
end
-- case: idiom_escape_pattern
local function esc(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
local p = esc("a.b*c(1)%[x]-?^$")
print(p, ("xxa.b*c(1)%[x]-?^$yy"):find(p))
-- case: idiom_count_chars
local s = "mississippi"
local counts = {}
for c in s:gmatch(".") do counts[c] = (counts[c] or 0) + 1 end
print(counts.m, counts.i, counts.s, counts.p, select(2, s:gsub("ss", "")))
-- case: idiom_reverse_words
print((("one two  three"):gsub("%S+", function(w) return w:reverse() end)))
local words = {}
for w in ("one two three"):gmatch("%S+") do table.insert(words, 1, w) end
print(table.concat(words, " "))
-- case: idiom_starts_ends
local function starts(s, p) return s:sub(1, #p) == p end
local function ends(s, p) return p == "" or s:sub(-#p) == p end
print(starts("hello", "he"), starts("hello", "lo"), ends("hello", "lo"), ends("hello", ""), ends("lo", "hello"))
print(("hello"):find("he", 1, true) == 1, ("hello"):find("lo", -2, true))
-- case: idiom_format_table
local rows = {{1, "one", 1.0}, {22, "twenty-two", 22.5}, {333, "x", -0.001}}
for _, r in ipairs(rows) do
  print(string.format("%4d | %-12s | %10.4e | %g | %5.1f%%", r[1], r[2], r[3], r[3], r[3] * 100))
end
-- case: idiom_roman
local function roman(n)
  local t = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
    {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
  local out = {}
  for _, p in ipairs(t) do
    while n >= p[1] do out[#out + 1] = p[2] n = n - p[1] end
  end
  return table.concat(out)
end
print(roman(1994), roman(2024), roman(3888):len(), string.rep("I", 3) == roman(3))
-- case: idiom_string_builder
local parts = {}
for i = 1, 100 do parts[#parts + 1] = string.format("%03d", i) end
local s = table.concat(parts, ",")
print(#s, s:sub(1, 15), s:sub(-15), select(2, s:gsub(",", ",")))
-- case: idiom_char_codes
local s = ""
for c in ("Hello"):gmatch(".") do s = s .. string.char(c:byte() + 1) end
print(s, (s:gsub(".", function(c) return string.char(c:byte() - 1) end)))
print(string.char(("abc"):byte(1, -1)), ("xyz"):rep(2):upper():reverse())
-- case: idiom_caesar
local function rot13(s)
  return (s:gsub("%a", function(c)
    local b = c:byte() < 97 and 65 or 97
    return string.char((c:byte() - b + 13) % 26 + b)
  end))
end
print(rot13("Hello, World!"), rot13(rot13("Hello, World!")))
-- case: idiom_path
local path = "/usr/local/lib/lua/5.1/socket/core.so"
print(path:match("^(.*)/"), path:match("([^/]+)$"), path:match("%.(%w+)$"), path:match("^(.-)%.%w+$"))
for dir in path:gmatch("[^/]+") do io.write(dir, ";") end
print()
-- case: idiom_kv_config
local cfg = [[
# comment
name = demo
 port=8080
debug = true
empty =
]]
for k, v in cfg:gmatch("\n?%s*([%w_]+)%s*=%s*([^\n]*)") do io.write(k, ":", v, ";") end
print()

-- case: gsub_special_chars_in_repl
print(string.gsub("abc", "b", "%%1"), string.gsub("abc", "b", "%%%%"), string.gsub("a", "a", "\\"))
print(string.gsub("abc", "(b)", "%%%1%%"), string.gsub("hello", "l+", "%0%%"))
-- case: gsub_captures_in_function_order
local seen = {}
print(string.gsub("k1=v1;k2=v2", "(%w+)=(%w+)", function(k, v) seen[#seen + 1] = v .. k return "" end))
print(table.concat(seen, ","))
-- case: gsub_repl_table_numbers
local t = {["1"] = "one-string", [1] = "one-number"}
print(string.gsub("1 2", "%d", t))
print(string.gsub("1 2", "(%d)", t))
print(string.gsub("a b", "()%a", t))
-- case: gsub_returns_count_only_successes
print(select(2, string.gsub("abc", "x", "y")), select(2, string.gsub("", "", "y")))
print(select(2, string.gsub("aaa", "a", function() return nil end)))
print(select(2, string.gsub("aaa", "a", {})))
-- case: find_special_inits
local s = "abcabc"
for _, i in ipairs({-7, -6, -1, 0, 1, 6, 7, 8, 100, -100, 2^31, -2^31, 0.5, -0.5}) do
  io.write(tostring(s:find("c", i)), ",", tostring(s:find("", i)), ",", tostring(s:find("c", i, true)), " ")
end
print()
-- case: match_special_inits
local s = "abcabc"
for _, i in ipairs({-7, -1, 0, 1, 6, 7, 100, 2^31}) do
  io.write(tostring(s:match("(.)c", i)), ",", tostring(s:match("()", i)), " ")
end
print()
-- case: find_returns_captures
print(("key=val"):find("(%w+)=(%w+)"))
print(("key=val"):find("%w+=()%w+()"))
print(("key=val"):find("(k)(e)(y)"))
print(select("#", ("abc"):find("b")), select("#", ("abc"):find("(b)")), select("#", ("abc"):find("()")))
-- case: match_multiple_returns
local a, b, c, d = ("2024-01-15T10:30"):match("(%d+)-(%d+)-(%d+)T(.*)")
print(a, b, c, d, type(a))
print(("x"):match("(x)(y?)(z*)"), #select(2, ("x"):match("(x)(y?)")))
-- case: gmatch_captures_and_positions
for p1, w, p2 in ("ab cd ef"):gmatch("()(%a+)()") do io.write(p1, w, p2, " ") end
print()
for k, v in ("a=1&b=&=3&c"):gmatch("([^&=]*)=?([^&]*)") do io.write("[", k, "|", v, "]") end
print()
-- case: gmatch_pattern_errors_lazy
local it = ("abc"):gmatch("x(")
print(it())
local it2 = ("abc"):gmatch("(")
print(pcall(it2))
local it3 = ("abc"):gmatch("b%")
print(pcall(it3))
local it4 = ("xyz"):gmatch("b%")
print(pcall(it4))
-- case: gmatch_reuse_after_end
local it = ("ab"):gmatch(".")
print(it(), it(), it(), it())
local e = ("ab"):gmatch("")
print(e(), e(), e(), e())

-- case: rep_patterns
print(("ab"):rep(3, "-"):gsub("-", "+"), ("-"):rep(10), #("xyz"):rep(1000, ", "))
print(("a"):rep(1.5), ("a"):rep("2"), ("a"):rep(" 3 "), pcall(string.rep, "a", "x2"))
-- case: sub_byte_consistency
local s = "The quick brown fox"
local ok = true
for i = -25, 25 do
  for j = -25, 25 do
    local a = s:sub(i, j)
    local b = {s:byte(i, j)}
    if #a ~= #b then ok = false end
    for k = 1, #b do if a:byte(k) ~= b[k] then ok = false end end
  end
end
print(ok)
-- case: upper_lower_all_bytes
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local up, low = all:upper(), all:lower()
local diff_up, diff_low = 0, 0
for i = 1, 256 do
  if up:byte(i) ~= i - 1 then diff_up = diff_up + 1 end
  if low:byte(i) ~= i - 1 then diff_low = diff_low + 1 end
end
print(diff_up, diff_low, up:sub(98, 123), low:sub(66, 91))
-- case: reverse_roundtrip
local s = string.rep("abc\0\255", 100)
print(s:reverse():reverse() == s, #s:reverse(), s:reverse():byte(1), s:reverse():sub(1, 5):byte(1, -1))

-- case: format_s_numbers
print(string.format("%s %s %s %s %s", 1, 1.0, -0.0, 1e15, 1e16))
print(string.format("%s %s %s %s", 0.1, 1 / 3, 2^63, -2^-1074))
print(string.format("%5s|%-5s|%.2s", 12345678, 1.5, 3.14159))
-- case: format_d_rounding_toward_zero
print(string.format("%d %d %d %d", 0.999, -0.999, 1.5, -1.5))
print(string.format("%x %o %u", 15.99, 8.99, 7.5))
print(string.format("%d", 4294967295.5), string.format("%d", -4294967296.7))
-- case: format_percent_edge
print(string.format("%%%d%%", 5), string.format("%%%%%%"), pcall(string.format, "%5%"))
print(pcall(string.format, "%-%"), pcall(string.format, "%.%"))
-- case: format_reuse_formats
local f = "%5.2f|%-4d|%s"
for i = 1, 3 do print(f:format(i / 3, i, ("x"):rep(i))) end
-- case: format_long_format_string
local f = string.rep("ab%%cd", 500) .. "%d"
local s = string.format(f, 42)
print(#s, s:sub(-10))
-- case: format_g_boundaries
for _, x in ipairs({9.9999995e-5, 9.99999e-5, 0.0001, 999999.4, 999999.5, 9999995, 1e15, 123456.5}) do
  io.write(string.format("%g", x), " ", string.format("%.3g", x), " ", string.format("%#.3g", x), " | ")
end
print()
-- case: format_e_boundaries
for _, x in ipairs({9.5, 9.95, 0.95, 99.5, 1e-310, 1.7976931348623157e308, 4.9e-324}) do
  io.write(string.format("%.0e", x), " ", string.format("%.1e", x), " ", string.format("%e", x), " | ")
end
print()
-- case: format_f_big_and_small
for _, x in ipairs({1e22, 2^70, 1e-20, 123456789.987654321, 5e-324, 2.5e-8}) do
  io.write(string.format("%.3f", x), " | ")
end
print()
print(#string.format("%f", 1.7976931348623157e308), string.format("%.0f", 1e308):sub(1, 20))
-- case: format_a_edges
for _, x in ipairs({1, 2, 0.1, 1e-320, 2^-1022, 1.9999999999999998, 3, 15.75, -4096.5}) do
  io.write(string.format("%a", x), " ", string.format("%.1a", x), " ", string.format("%.3A", x), " | ")
end
print()
-- case: format_c_zero_in_middle
local s = string.format("a%cb%cc", 0, 255)
print(#s, s:byte(1, -1))
-- case: format_q_roundtrip
local samples = {"plain", "quote\"", "back\\slash", "nl\n", "cr\r", "tab\t", "nul\0x", "\0001", "\255\127"}
for _, s in ipairs(samples) do
  local q = string.format("%q", s)
  local back = loadstring("return " .. q)()
  io.write(tostring(back == s), " ")
end
print()
-- case: format_arg_numbering
print(pcall(string.format, "%s %s %d", "a", "b", "c"))
print(pcall(string.format, "%d %s %d", 1, "b", {}))
print(pcall(string.format, "%s %s %s %s %s %x", 1, 2, 3, 4, 5, "nope"))
local ok, e = pcall(function() return string.format("%s %s %d", "a", "b", "c") end)
print(e)
-- case: format_number_strings
print(string.format("%d|%5.1f|%x|%e|%g|%c", "42", " 3.14 ", "255", "1e3", "0x10", "65"))
print(pcall(string.format, "%d", "4 2"))
print(pcall(string.format, "%f", ""))
-- case: format_method_on_number
print(pcall(function() return (5):format() end))
print(("%d%%"):format(50), ("%s"):rep(3):format(1, 2, 3))

-- case: error_names_by_call_style
local function catch(f, ...) local ok, e = pcall(f, ...) print(e) end
catch(function() return string.rep() end)
catch(function() return ("x"):rep() end)
catch(function() local rep = string.rep return rep() end)
catch(function() local s = string return s.rep() end)
catch(function() return string["rep"]() end)
-- case: error_find_names
local function catch(f) local ok, e = pcall(f) print(e) end
catch(function() return ("x"):find({}) end)
catch(function() return ("x"):match(nil) end)
catch(function() return ("x"):gmatch() end)
catch(function() return ("x"):gsub() end)
catch(function() return ("x"):gsub("x") end)
catch(function() return ("x"):byte("z") end)
catch(function() return ("x"):sub("z") end)
-- case: error_char_names
local function catch(f) local ok, e = pcall(f) print(e) end
catch(function() return string.char(1, 2, 3, 256) end)
catch(function() return string.char(1, "x") end)
catch(function() local c = string.char return c(-1) end)
-- case: error_format_names
local function catch(f) local ok, e = pcall(f) print(e) end
catch(function() return string.format() end)
catch(function() return string.format("%d") end)
catch(function() return string.format("%d", {}) end)
catch(function() return string.format("%q") end)
catch(function() return string.format("%k") end)
catch(function() local fmt = string.format return fmt("%d %d", 1) end)
-- case: error_dump_names
local function catch(f) local ok, e = pcall(f) print(e) end
catch(function() return string.dump() end)
catch(function() return string.dump(1) end)
catch(function() return string.dump(print) end)
catch(function() return string.dump(string.byte) end)
-- case: error_pattern_names
local function catch(f) local ok, e = pcall(f) print(e) end
catch(function() return ("x"):find("%") end)
catch(function() return ("x"):match("[x") end)
catch(function() return ("x"):gsub("(", "") end)
catch(function() return ("x"):match("%f") end)
catch(function() return ("x"):match("%b") end)
catch(function() return ("x"):match("%g(") end)
catch(function() return ("x"):match(string.rep("x?", 300)) end)
catch(function() return ("x"):match(string.rep("()", 40)) end)
-- case: error_in_xpcall_traceback
print(xpcall(function() return string.rep() end, function(m) return "handled: " .. m end))
print(xpcall(function() local r = ("a"):find("[") return r end, function(m) return "handled: " .. m end))
-- case: error_values_are_strings
local ok, e = pcall(string.find, "a", "(")
print(type(e), e)
local ok, e = pcall(string.format, "%d", "x")
print(type(e), e)

-- case: strings_are_interned
local a = string.rep("ab", 2)
local b = "ab" .. "ab"
local c = ("abab"):sub(1)
print(a == b, b == c, rawequal(a, c), string.format("%s", a) == c)
local t = {}
t[string.upper("key")] = 1
print(t.KEY, t[string.char(75, 69, 89)])
-- case: string_functions_with_metatables_off
local mt = getmetatable("")
local idx = mt.__index
mt.__index = nil
print(pcall(function() return ("x"):upper() end))
mt.__index = idx
print(("x"):upper())
-- case: gsub_with_string_methods_repl
print(("hello world"):gsub("%w+", string.reverse))
print(("a b c"):gsub("%a", string.byte))
print(pcall(string.gsub, "x", "x", string.rep))
-- case: uncaught_builtin_repl_error
print(("x"):gsub("x", string.rep))
-- case: concat_and_format_consistency
for _, x in ipairs({0.1, 1 / 3, 1e100, -123.456, 2^53, 1e15, 1e-5}) do
  io.write(tostring(x == tonumber(tostring(x))), string.format("%.14g", x) == x .. "" and "=" or "!", " ")
end
print()
-- case: tostring_nan_inf
print(0 / 0, -(0 / 0), 1 / 0, -1 / 0, math.huge, -math.huge)
print(tostring(0 / 0) .. "|" .. string.format("%s", -(0 / 0)) .. "|" .. (0 / 0 .. ""))
print(string.format("%.1f %g %e %a", 0 / 0, -(0 / 0), 0 / 0, -(0 / 0)))
-- case: gsub_builtin_repl_error_message
local ok, e = pcall(function() return ("x"):gsub("x", string.rep) end)
print(e)
local ok, e = pcall(function() return ("x"):gsub("x", string.char) end)
print(ok, e)
local ok, e = pcall(function() return ("300"):gsub("%d+", string.char) end)
print(e)
-- case: gmatch_in_coroutines
local co = coroutine.wrap(function()
  for w in ("a b c"):gmatch("%a") do coroutine.yield(w) end
  return "end"
end)
print(co(), co(), co(), co())
-- case: gsub_yield_in_table_index
local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
local co = coroutine.create(function() return ("ab"):gsub("%a", t) end)
print(coroutine.resume(co))
-- case: format_tostring_yield
local t = setmetatable({}, {__tostring = function() return coroutine.yield("y") end})
local co = coroutine.create(function() return string.format("%s", t) end)
print(coroutine.resume(co))
-- case: many_string_ops_loop
local acc = 0
for i = 1, 2000 do
  local s = string.format("%d:%s", i, ("x"):rep(i % 7))
  local a, b = s:find(":")
  acc = acc + a + #s:sub(b + 1) + #s:gsub("x", "yy")
end
print(acc)
-- case: pattern_cache_many_patterns
local n = 0
for i = 1, 700 do
  local p = "(" .. i .. ")"
  if ("x" .. i .. "y"):match(p) == tostring(i) then n = n + 1 end
end
print(n)
-- case: byte_char_roundtrip
local ok = true
for i = 0, 255 do
  local c = string.char(i)
  if c:byte() ~= i or #c ~= 1 or string.format("%c", i) ~= c then ok = false end
end
print(ok, string.char(string.byte("roundtrip", 1, -1)))
-- case: dump_hex_varargs_upvalues
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local src = [[
local a, b = 1, "two"
local function f(...)
  local n = select("#", ...)
  a = a + n
  return b, ..., n
end
local g = function(x) return f(x, x) end
return g
]]
local main = loadstring(src, "@vararg.lua")
print(hex(string.dump(main)))
print(hex(string.dump(main(), true)))
-- case: dump_hex_operators
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local src = [[
local a, b = ...
local c = a + 1, a - b, a * 2.5, a / b, a % 3, a ^ 2, -a, not a, #b, a .. b
if a < b and a <= 2 or a > b and a >= 1 or a == nil or a ~= "x" then c = nil end
local t = {a = a, [b] = 1, a, b, 1.5; ...}
t.x, t[1], t[b] = 1, 2, 3
return t[a], t.y, c
]]
print(hex(string.dump(loadstring(src, "=ops"))))
-- case: format_plain_d_s_fast
local out = {}
for i = -3, 3 do out[#out + 1] = string.format("%d", i * 1000003) end
for _, s in ipairs({"", "a", "abc\0"}) do out[#out + 1] = string.format("%s", s) end
print(table.concat(out, ","))
