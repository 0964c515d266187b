local function iter(s, c)
  if c < s then return c + 1 end
end
for i in iter, 5, 0 do print(i) end
local function range(n) return iter, n, 0 end
for i in range(3) do print(i) end
for a, b, c, d in f() do print(a, b, c, d) end
