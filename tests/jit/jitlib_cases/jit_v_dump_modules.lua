-- require("jit.v") and require("jit.dump"): -jv and -jdump turned on and off by a
-- script, their output on stdout ("-") in order with print's
local v = require("jit.v")
v.on("-")
local s = 0
for i = 1, 300 do s = s + i end
for i = 1, 300 do s = s + #tostring(i) end
print("sum", s)
v.off()
for i = 1, 300 do s = s + i end
print("after off", s, package.loaded["jit.v"] == v, v.start == v.on)
local d = require("jit.dump")
d.on("tbis", "-")
local t = 0
for i = 1, 200 do t = t + i * 2 end
d.off()
for i = 1, 200 do t = t - i end
print(t)
print((select(2, pcall(v.on, "/nonexistent/dir/v.txt")):match("/nonexistent/dir/v.txt: No such file or directory$")))
