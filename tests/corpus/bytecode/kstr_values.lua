local a = "hello"
local b = 'world'
local c = ""
local d = "hello"
local e = "with spaces and punctuation!?"
local f = "a string that is longer than forty bytes, so it gets cut off in the listing"
print(a, b, c, d, e, f)
