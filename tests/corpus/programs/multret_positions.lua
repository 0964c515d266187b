-- Multiple results are kept only in the last position.
local function three() return 1, 2, 3 end
local function none() end
print(three())
print(three(), "x")
print("x", three())
print((three()))
print(three(), three())
local t = {three(), three()}
print(#t)
local t2 = {three(), (three())}
print(#t2)
local t3 = {none(), none()}
print(#t3, t3[1])
local a, b, c, d = three()
print(a, b, c, d)
local e, f = none()
print(e, f)
local g, h, i = 1, three()
print(g, h, i)
local j, k, l = three(), 10
print(j, k, l)
print(select("#", none()), select("#", (none())))
print(string.format("%d %d %d", three()))
print(#{three(), nil}, #{none(), 5})
