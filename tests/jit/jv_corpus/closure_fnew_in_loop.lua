-- Creating a closure inside a hot loop: NYI FNEW aborts the trace.
local fs = {}
for i = 1, 200 do
  fs[i % 10 + 1] = function() return i end
end
print(fs[1](), fs[10]())
