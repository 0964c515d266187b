-- Recursion over a linked list built by a hot loop.
local function walk(node)
  if not node then return 0 end
  return node.v + walk(node.next)
end
local list = nil
for i = 1, 300 do list = {v = i, next = list} end
print(walk(list))
