-- luajit-options: -joff
-- The depth at which a simple recursion overflows.
local depth = 0
local function dive() depth = depth + 1 dive() end
print(pcall(dive))
print(depth)
depth = 0
local function wide(a, b, c, d, e, f, g, h)
  depth = depth + 1
  local x1, x2, x3, x4, x5, x6, x7, x8 = a, b, c, d, e, f, g, h
  wide(x1, x2, x3, x4, x5, x6, x7, x8)
end
print(pcall(wide, 1, 2, 3, 4, 5, 6, 7, 8))
print(depth)
