-- coroutine.wrap as a generator for for-in loops.
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step or 1 do coroutine.yield(i, i * i) end
  end)
end
for i, sq in range(5) do io.write(i, ":", sq, " ") end
print()
for i in range(10, 3) do io.write(i, " ") end
print()
local function leaves(tree)
  return coroutine.wrap(function()
    local function walk(node)
      if type(node) == "table" then
        for _, child in ipairs(node) do walk(child) end
      else
        coroutine.yield(node)
      end
    end
    walk(tree)
  end)
end
local out = {}
for leaf in leaves({1, {2, {3, 4}, 5}, {{{6}}}, 7}) do out[#out + 1] = leaf end
print(table.concat(out, ","))
local gen = coroutine.wrap(function() coroutine.yield(1) end)
print(gen(), gen())
print(pcall(gen))
