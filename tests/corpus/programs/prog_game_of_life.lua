-- Conway's game of life on a small torus.
local W, H = 12, 8
local function new() local g = {} for y = 1, H do g[y] = {} for x = 1, W do g[y][x] = 0 end end return g end
local function step(g)
  local n = new()
  for y = 1, H do
    for x = 1, W do
      local c = 0
      for dy = -1, 1 do
        for dx = -1, 1 do
          if dx ~= 0 or dy ~= 0 then
            c = c + g[(y + dy - 1) % H + 1][(x + dx - 1) % W + 1]
          end
        end
      end
      n[y][x] = (c == 3 or (c == 2 and g[y][x] == 1)) and 1 or 0
    end
  end
  return n
end
local function show(g)
  local rows = {}
  for y = 1, H do
    local r = {}
    for x = 1, W do r[x] = g[y][x] == 1 and "#" or "." end
    rows[y] = table.concat(r)
  end
  return table.concat(rows, "\n")
end
local g = new()
g[1][2] = 1 g[2][3] = 1 g[3][1] = 1 g[3][2] = 1 g[3][3] = 1
g[6][8] = 1 g[6][9] = 1 g[6][10] = 1
for gen = 1, 4 do g = step(g) end
print(show(g))
local alive = 0
for i = 1, 20 do g = step(g) end
for y = 1, H do for x = 1, W do alive = alive + g[y][x] end end
print(alive)
