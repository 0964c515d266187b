-- Binary trees: allocate many short-lived complete binary trees (tables)
-- and walk them; stresses allocation and the garbage collector.
-- usage: binarytrees.lua [MAXDEPTH]   (default 12)

local function build(depth)
  if depth == 0 then
    return {}
  end
  depth = depth - 1
  return { build(depth), build(depth) }
end

local function count(tree)
  local left = tree[1]
  if left then
    return 1 + count(left) + count(tree[2])
  end
  return 1
end

local maxdepth = tonumber(arg and arg[1]) or 12
local mindepth = 4
if maxdepth < mindepth + 2 then
  maxdepth = mindepth + 2
end

print("stretch", maxdepth + 1, count(build(maxdepth + 1)))
local keep = build(maxdepth)
for depth = mindepth, maxdepth, 2 do
  local trees = 2 ^ (maxdepth - depth + mindepth)
  local nodes = 0
  for _ = 1, trees do
    nodes = nodes + count(build(depth))
  end
  print("depth", depth, "trees", trees, "nodes", nodes)
end
print("kept", maxdepth, count(keep))
