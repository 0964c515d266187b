-- assert on loadstring's failure raises the syntax message.
local f = assert(loadstring("return 1 +", "=snippet"))
print("unreachable", f)
