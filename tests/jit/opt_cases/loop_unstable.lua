-- Six slots whose types rotate: no unroll within instunroll stabilises the loop.
local a, b, c, d, e, f = 1, "x", true, {}, false, 0.5
for i = 1, 200 do a, b, c, d, e, f = b, c, d, e, f, a end
print(type(a))
