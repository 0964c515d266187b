-- Long string literals with levels, leading newlines and embedded brackets.
local a = [[line1
line2]]
local b = [==[
]] ]=] ]===] fine]==]
local c = [=[

x]=]
print(a, #a)
print(b, #b)
print(#c, c:byte(1), c)
print([[a\nb]], #[[\]], [[]] == "")
local nested = "[[" .. "inner" .. "]]"
print(nested, loadstring("return " .. "[=[" .. nested .. "]=]")())
