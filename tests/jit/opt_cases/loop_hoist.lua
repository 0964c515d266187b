-- An invariant table load and product: computed once, before the LOOP.
local t = {k = 2.5}
local s = 0
for i = 1, 100 do s = s + t.k * 3 end
print(s)
