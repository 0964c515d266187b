-- A binary search tree: insert, search, in-order walk, height, delete.
local function insert(node, k)
  if not node then return {key = k} end
  if k < node.key then node.left = insert(node.left, k)
  elseif k > node.key then node.right = insert(node.right, k) end
  return node
end
local function walk(node, out)
  if node then walk(node.left, out) out[#out + 1] = node.key walk(node.right, out) end
  return out
end
local function height(node) if not node then return 0 end return 1 + math.max(height(node.left), height(node.right)) end
local function min(node) while node.left do node = node.left end return node end
local function delete(node, k)
  if not node then return nil end
  if k < node.key then node.left = delete(node.left, k)
  elseif k > node.key then node.right = delete(node.right, k)
  else
    if not node.left then return node.right end
    if not node.right then return node.left end
    local m = min(node.right)
    node.key = m.key
    node.right = delete(node.right, m.key)
  end
  return node
end
local function contains(node, k)
  while node do
    if k == node.key then return true end
    node = k < node.key and node.left or node.right
  end
  return false
end
local root
for _, k in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30}) do root = insert(root, k) end
print(table.concat(walk(root, {}), " "), height(root))
print(contains(root, 45), contains(root, 55))
root = delete(root, 30)
root = delete(root, 50)
root = delete(root, 99)
print(table.concat(walk(root, {}), " "), height(root), root.key)
local words
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words = insert(words, w) end
print(table.concat(walk(words, {}), ","))
