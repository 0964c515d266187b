-- Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1)
-- (0-based), cut to N x N, by ten rounds of the power method on A'A.
-- usage: spectralnorm.lua [N]   (default 100)

local function entry(i, j)
  local s = i + j - 2
  return 1.0 / (s * (s + 1) / 2 + i)
end

local function times(n, v, out)
  for i = 1, n do
    local sum = 0
    for j = 1, n do
      sum = sum + entry(i, j) * v[j]
    end
    out[i] = sum
  end
end

local function times_transposed(n, v, out)
  for i = 1, n do
    local sum = 0
    for j = 1, n do
      sum = sum + entry(j, i) * v[j]
    end
    out[i] = sum
  end
end

local function times_ata(n, v, out, tmp)
  times(n, v, tmp)
  times_transposed(n, tmp, out)
end

local n = tonumber(arg and arg[1]) or 100
local u, v, tmp = {}, {}, {}
for i = 1, n do
  u[i] = 1
end
for _ = 1, 10 do
  times_ata(n, u, v, tmp)
  times_ata(n, v, u, tmp)
end
local vbv, vv = 0, 0
for i = 1, n do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%.9f", math.sqrt(vbv / vv)))
