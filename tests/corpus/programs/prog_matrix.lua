-- A small matrix library: multiply, transpose, determinant, identity checks.
local M = {}
M.__index = M
function M.new(rows) return setmetatable(rows, M) end
function M.identity(n)
  local r = {}
  for i = 1, n do r[i] = {} for j = 1, n do r[i][j] = i == j and 1 or 0 end end
  return M.new(r)
end
function M.__mul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return M.new(r)
end
function M.__eq(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do for j = 1, #a[i] do if a[i][j] ~= b[i][j] then return false end end end
  return true
end
function M:transpose()
  local r = {}
  for i = 1, #self[1] do r[i] = {} for j = 1, #self do r[i][j] = self[j][i] end end
  return M.new(r)
end
function M:det()
  local n = #self
  if n == 1 then return self[1][1] end
  if n == 2 then return self[1][1] * self[2][2] - self[1][2] * self[2][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do
      local row = {}
      for j = 1, n do if j ~= c then row[#row + 1] = self[i][j] end end
      sub[#sub + 1] = row
    end
    d = d + (-1) ^ (c + 1) * self[1][c] * M.new(sub):det()
  end
  return d
end
function M.__tostring(a)
  local rows = {}
  for i = 1, #a do rows[i] = table.concat(a[i], " ") end
  return table.concat(rows, "\n")
end
local A = M.new({{1, 2, 3}, {4, 5, 6}})
local B = M.new({{7, 8}, {9, 10}, {11, 12}})
print(A * B)
print(A:transpose())
print(M.new({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}):det(), M.identity(4):det())
print(M.identity(3) * M.identity(3) == M.identity(3), A == A:transpose():transpose())
local P = M.new({{1, 1}, {1, 0}})
local R = M.identity(2)
for i = 1, 30 do R = R * P end
print(R[1][2])
