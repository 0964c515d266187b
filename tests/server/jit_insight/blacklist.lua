-- A loop that creates a closure on every iteration: LuaJIT aborts its trace until
-- it gives up and blacklists the loop.
local fns = {}
for i = 1, 100000 do
  fns[i % 10 + 1] = function() return i end
end
print(#fns)
