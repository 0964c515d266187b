-- jit.opt.start takes -O levels, flags and params; a bad one is an error.
print(pcall(jit.opt.start, "hotloop=5", "-fold", "+fold", "3"))
print(pcall(jit.opt.start, "bogus"))
print(pcall(jit.opt.start, "maxtrace=x"))
print(pcall(jit.opt.start))
local s = 0 for i = 1, 100 do s = s + i end print(s)
print(select(2, jit.status()))
