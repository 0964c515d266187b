-- Floor division and modulo identities over signed operands.
local pairs_ = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {7.5, 2}, {-7.5, 2}, {0, 3}, {1, 3}, {-1, 3}}
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  local q = math.floor(a / b)
  local r = a % b
  print(a, b, q, r, q * b + r == a, math.fmod(a, b))
end
