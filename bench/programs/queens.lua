-- N queens: count every placement by backtracking over three occupancy
-- arrays (columns and both diagonals).
-- usage: queens.lua [N]   (default 9)

local function solve(n)
  local cols, up, down = {}, {}, {}
  for i = 1, 2 * n do
    cols[i], up[i], down[i] = false, false, false
  end
  local solutions = 0
  local function place(row)
    if row > n then
      solutions = solutions + 1
      return
    end
    for c = 1, n do
      local u, d = row + c, row - c + n
      if not cols[c] and not up[u] and not down[d] then
        cols[c], up[u], down[d] = true, true, true
        place(row + 1)
        cols[c], up[u], down[d] = false, false, false
      end
    end
  end
  place(1)
  return solutions
end

local n = tonumber(arg and arg[1]) or 9
local sum = 0
for k = 4, n do
  local s = solve(k)
  sum = sum + s
  if k == n then
    print("queens", n, "solutions", s)
  end
end
print("sum over 4.." .. n, sum)
