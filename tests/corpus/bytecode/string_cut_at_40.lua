local exactly40 = "0123456789012345678901234567890123456789"
local forty1 = "01234567890123456789012345678901234567890"
local esc = "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
print(exactly40, forty1, esc)
