-- Dense matrix product of two N x N matrices stored as arrays of rows,
-- with the classic i-k-j loop order. Prints the trace and one corner.
-- usage: matmul.lua [N]   (default 60)

local function matrix(n, f)
  local m = {}
  for i = 1, n do
    local row = {}
    for j = 1, n do
      row[j] = f(i, j)
    end
    m[i] = row
  end
  return m
end

local function multiply(a, b, n)
  local c = matrix(n, function() return 0.0 end)
  for i = 1, n do
    local ai, ci = a[i], c[i]
    for k = 1, n do
      local aik, bk = ai[k], b[k]
      for j = 1, n do
        ci[j] = ci[j] + aik * bk[j]
      end
    end
  end
  return c
end

local n = tonumber(arg and arg[1]) or 60
local a = matrix(n, function(i, j) return ((i * j) % 11 + 1) / 11 end)
local b = matrix(n, function(i, j) return ((i + 2 * j) % 13 - 5) / 13 end)
local c = multiply(a, b, n)
local trace = 0
for i = 1, n do
  trace = trace + c[i][i]
end
print(string.format("matmul %d trace %.9f corner %.9f", n, trace, c[n][1]))
