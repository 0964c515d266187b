-- Semicolons, comments, long brackets and unusual but valid syntax.
local a = 1; local b = 2; local c = a + b
print(a, b, c) -- trailing comment
--[[ block
comment ]] print("after block comment")
--[==[ another ]] still comment ]==] print("after level-2 comment")
local s = [==[
contains ]] and ]=] inside]==]
print(s)
local t = {[ [[key]] ] = "long key"}
print(t.key)
print(#[[

two leading newlines: only the first is dropped]])
local f = function(...) return ... end
print((f(1, 2)))
print(((((1)))))
local n = - - -1
print(n, not not not nil)
do end
print(0xA, 1e1, 3 == 3.0)
goto skip
print("skipped")
::skip::
print("end")
